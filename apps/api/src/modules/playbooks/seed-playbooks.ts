import type { TPlaybook } from "@atende/contracts";

type SeedTemplate = { code: string; locale: "es" | "en"; name: string; body: string };
type SeedPlaybook = Pick<TPlaybook, "code" | "name" | "trigger" | "steps">;

const KICKOFF_MESSAGE = "playbook.kickoff.processing";
const STATUS_MESSAGE = "playbook.status.progress";
const REQUEST_MESSAGE = "playbook.request.received";

/** Seed 001's "mensajes predeterminados": the texts the playbooks' steps send. */
export const SEED_PLAYBOOK_TEMPLATES: readonly SeedTemplate[] = [
  {
    code: KICKOFF_MESSAGE,
    locale: "es",
    name: "Procesamiento de kick-off",
    body:
      "Hola {{customerName}}: hemos recibido tu pago y comenzamos a procesar el kick-off de tu proyecto. En breve te " +
      "contactaremos para agendar la reunión y te enviaremos los documentos y el video de capacitación para " +
      "diligenciar la información.",
  },
  {
    code: KICKOFF_MESSAGE,
    locale: "en",
    name: "Kick-off processing",
    body:
      "Hello {{customerName}}: we have received your payment and started processing your project's kick-off. We will " +
      "contact you shortly to schedule the meeting and send you the documents and the training video for filling in " +
      "the information.",
  },
  {
    code: STATUS_MESSAGE,
    locale: "es",
    name: "Estado del proyecto",
    body:
      "Hola {{customerName}}: tu proyecto lleva un {{progress}} % de avance y la fecha prevista de entrega es el " +
      "{{expectedDate}}. Te mantendremos al tanto de cualquier novedad.",
  },
  {
    code: STATUS_MESSAGE,
    locale: "en",
    name: "Project status",
    body:
      "Hello {{customerName}}: your project is {{progress}} % complete and its expected delivery date is " +
      "{{expectedDate}}. We will keep you posted on any news.",
  },
  {
    code: REQUEST_MESSAGE,
    locale: "es",
    name: "Solicitud recibida",
    body:
      "Hola {{customerName}}: hemos recibido tu solicitud y va a ser procesada. Nuestro equipo comercial revisará el " +
      "nuevo requerimiento y te contactará con la cotización.",
  },
  {
    code: REQUEST_MESSAGE,
    locale: "en",
    name: "Request received",
    body:
      "Hello {{customerName}}: we have received your request and it will be processed. Our sales team will review " +
      "the new requirement and contact you with a quote.",
  },
];

const step = (title: string, templateCode?: string) => (templateCode ? { title, templateCode } : { title });

/** Seed 001's operations playbooks, steps in the seed's Spanish. */
export const SEED_PLAYBOOKS: readonly SeedPlaybook[] = [
  {
    code: "kick-off",
    name: "Kick-off (pago del cliente)",
    trigger: "payment_received",
    steps: [
      step("Enviar el mensaje predeterminado de procesamiento de kick-off", KICKOFF_MESSAGE),
      step("Revisar la agenda del líder front, agendar la reunión y crear el grupo de WhatsApp"),
      step("Enviar los documentos para el kick-off y el video de capacitación de diligenciamiento de información"),
      step("Mandar recordatorio de diligenciamiento del formulario"),
      step("Verificar la información diligenciada"),
      step("Aprobar o reagendar el kick-off"),
      step("Si el cliente es problemático: identificarlo con la etiqueta de problemático en el tablero de operaciones"),
      step("Si el cliente es problemático: entrar al kick-off y grabarlo"),
    ],
  },
  {
    code: "more-than-contracted",
    name: "Solución de controversias: el cliente solicita más de lo contratado",
    trigger: "more_than_contracted",
    steps: [
      step("Ingresar al kick-off"),
      step("Tratar de convencer al cliente de continuar mientras se recotiza"),
      step("Si no accede, frenar el kick-off y pasarlo a comercial"),
      step("Dar seguimiento al proceso a través de tickets en el tablero de postventa"),
    ],
  },
  {
    code: "status-request",
    name: "Atención de solicitudes: estado del proyecto",
    trigger: "status_request",
    steps: [
      step(
        "Mandar el mensaje predeterminado de estado del proyecto, con el porcentaje de avance y la fecha prevista de entrega",
        STATUS_MESSAGE,
      ),
      step(
        "Consultar el porcentaje de avance: tareas completadas de la tarjeta del cliente en el tablero de operaciones",
      ),
    ],
  },
  {
    code: "new-request-in-production",
    name: "Nuevas solicitudes: el cliente solicita algo adicional durante la producción",
    trigger: "manual",
    steps: [
      step("Informar al cliente mediante mensaje predeterminado que la solicitud va a ser procesada", REQUEST_MESSAGE),
      step("Informar al comercial asignado para que realice el proceso de cotización del nuevo requerimiento"),
      step("Si comercial da luz verde, agregar el nuevo requerimiento a la tarjeta del cliente"),
      step("Si se acuerda añadirlo después de la entrega del producto en curso, crear una nueva tarjeta"),
    ],
  },
  {
    code: "delivery",
    name: "Entrega: el proyecto pasa a cobro en el tablero de postventa",
    trigger: "delivery",
    steps: [step("Pedir al cliente su opinión acerca del servicio prestado")],
  },
  {
    code: "problematic-delivery",
    name: "Entregas problemáticas: el cliente solicita cosas adicionales en la entrega",
    trigger: "manual",
    steps: [
      step("Ingresar a la reunión y pedir al cliente su versión de la situación"),
      step("Validar que lo solicitado esté efectivamente dentro del alcance"),
      step(
        "Si está en el alcance: pedir las correcciones, anotar la solicitud, enviarla al cliente por el grupo y darle seguimiento",
      ),
      step(
        "Si no está en el alcance: mostrar al cliente que no se contrató y persuadirlo de adquirir la funcionalidad o recibir la página",
      ),
    ],
  },
  {
    code: "post-sale-change",
    name: "Postventa: el cliente hace una solicitud de cambios",
    trigger: "post_sale_change",
    steps: [
      step("Verificar si en el acta de entrega quedaron pendientes"),
      step("Verificar que los cambios no estén en la lista de cambios solicitados en la entrega intermedia"),
      step(
        "Si no aparecen: mostrar al cliente la prueba de que no se solicitaron; si desea más, debe comunicarse con comercial",
      ),
      step(
        "Si se solicitaron o estaban pendientes en el acta: pedir respuesta por el grupo de WhatsApp de operaciones",
      ),
    ],
  },
  {
    code: "delivery-dispute",
    name: "Controversia con entregas: el cliente afirma que no se entregó la página",
    trigger: "delivery_dispute",
    steps: [
      step("Pedir el acta de entrega al líder de desarrollo"),
      step("Si no hay acta: pedir al equipo que agende nuevamente la entrega"),
      step("Si hay acta: mostrar al cliente la fecha en que se realizó la entrega, reenviarla y tratar de conciliar"),
      step("Confirmar el pago del saldo restante: toda conciliación se ejecuta después de ese pago"),
      step(
        "Si la molestia es muy pronunciada: citar a reunión de solución de conflictos entre el cliente y el equipo de desarrollo",
      ),
    ],
  },
];
