import type { NotificationEvent, NotificationLocale } from "./notification-events";

export type NotificationText = { subject: string; body: string };

/**
 * Built-in texts per event, seeded for a tenant and used until it saves its own. They use only the variables
 * EVENT_VARIABLES gives their event (a test holds them to it).
 */
export const DEFAULT_NOTIFICATION_TEMPLATES: Record<NotificationEvent, Record<NotificationLocale, NotificationText>> = {
  "ticket.created": {
    en: {
      subject: "[#{{ticketNumber}}] We have received your request: {{ticketSubject}}",
      body:
        "Hello {{customerName}},\n\nWe have registered your case with number {{ticketNumber}}. Please keep this number " +
        "for any follow-up.\n\nSubject: {{ticketSubject}}\nPriority: {{priority}}\n\nYou can follow it at " +
        "{{ticketLink}}.\n\nThe support team",
    },
    es: {
      subject: "[#{{ticketNumber}}] Hemos recibido tu solicitud: {{ticketSubject}}",
      body:
        "Hola {{customerName}}:\n\nHemos registrado tu caso con el número {{ticketNumber}}. Consérvalo para cualquier " +
        "seguimiento.\n\nAsunto: {{ticketSubject}}\nPrioridad: {{priority}}\n\nPuedes consultarlo en " +
        "{{ticketLink}}.\n\nEl equipo de soporte",
    },
  },
  "ticket.updated": {
    en: {
      subject: "[#{{ticketNumber}}] Update on your case",
      body:
        "Hello {{customerName}},\n\nThere is news on your case {{ticketNumber}} ({{ticketSubject}}):\n\n{{message}}\n\n" +
        "Current status: {{ticketStatus}}.\n{{ticketLink}}\n\nThe support team",
    },
    es: {
      subject: "[#{{ticketNumber}}] Novedades de tu caso",
      body:
        "Hola {{customerName}}:\n\nHay novedades en tu caso {{ticketNumber}} ({{ticketSubject}}):\n\n{{message}}\n\n" +
        "Estado actual: {{ticketStatus}}.\n{{ticketLink}}\n\nEl equipo de soporte",
    },
  },
  "ticket.resolved": {
    en: {
      subject: "[#{{ticketNumber}}] Your case has been resolved",
      body:
        "Hello {{customerName}},\n\nYour case {{ticketNumber}} ({{ticketSubject}}) has been resolved.\n\n{{resolution}}\n\n" +
        "If the problem persists, reply before {{reopenUntil}} and we will reopen it.\n\nThe support team",
    },
    es: {
      subject: "[#{{ticketNumber}}] Tu caso ha sido resuelto",
      body:
        "Hola {{customerName}}:\n\nTu caso {{ticketNumber}} ({{ticketSubject}}) ha sido resuelto.\n\n{{resolution}}\n\n" +
        "Si el problema continúa, responde antes del {{reopenUntil}} y lo reabriremos.\n\nEl equipo de soporte",
    },
  },
  "ticket.survey": {
    en: {
      subject: "[#{{ticketNumber}}] How did we do?",
      body:
        "Hello {{customerName}},\n\nWe would like to know how we handled your case {{ticketNumber}} " +
        "({{ticketSubject}}). It takes less than a minute: {{surveyLink}}\n\nThank you,\nThe support team",
    },
    es: {
      subject: "[#{{ticketNumber}}] ¿Cómo lo hicimos?",
      body:
        "Hola {{customerName}}:\n\nNos gustaría saber cómo atendimos tu caso {{ticketNumber}} ({{ticketSubject}}). " +
        "Te llevará menos de un minuto: {{surveyLink}}\n\nGracias,\nEl equipo de soporte",
    },
  },
  "ticket.periodic_update": {
    en: {
      subject: "[#{{ticketNumber}}] Progress update",
      body:
        "Hello {{customerName}},\n\nWe are still working on your case {{ticketNumber}} ({{ticketSubject}}).\n\n" +
        "{{message}}\n\nYou will hear from us again by {{nextUpdateAt}} at the latest.\n\nThe support team",
    },
    es: {
      subject: "[#{{ticketNumber}}] Avance de tu caso",
      body:
        "Hola {{customerName}}:\n\nSeguimos trabajando en tu caso {{ticketNumber}} ({{ticketSubject}}).\n\n" +
        "{{message}}\n\nTe escribiremos de nuevo a más tardar el {{nextUpdateAt}}.\n\nEl equipo de soporte",
    },
  },
  "ticket.failure_report_due": {
    en: {
      subject: "[#{{ticketNumber}}] Failure report due by {{dueAt}}",
      body:
        "The incident {{ticketNumber}} ({{ticketSubject}}, priority {{priority}}) was solved on {{resolvedAt}}. " +
        "Its failure report must reach {{customerName}} by {{dueAt}}.\n\n{{ticketLink}}",
    },
    es: {
      subject: "[#{{ticketNumber}}] Informe de falla pendiente antes del {{dueAt}}",
      body:
        "La incidencia {{ticketNumber}} ({{ticketSubject}}, prioridad {{priority}}) se solucionó el {{resolvedAt}}. " +
        "Su informe de falla debe llegar a {{customerName}} antes del {{dueAt}}.\n\n{{ticketLink}}",
    },
  },
  "ticket.breached": {
    en: {
      subject: "[#{{ticketNumber}}] SLA breached: {{target}}",
      body:
        "The {{target}} target of case {{ticketNumber}} ({{ticketSubject}}, priority {{priority}}) was due at " +
        "{{dueAt}} and has been breached.\n\nAssignee: {{agentName}}\n{{ticketLink}}",
    },
    es: {
      subject: "[#{{ticketNumber}}] ANS incumplido: {{target}}",
      body:
        "El objetivo {{target}} del caso {{ticketNumber}} ({{ticketSubject}}, prioridad {{priority}}) vencía el " +
        "{{dueAt}} y se ha incumplido.\n\nResponsable: {{agentName}}\n{{ticketLink}}",
    },
  },
  "ticket.escalated": {
    en: {
      subject: "[#{{ticketNumber}}] Escalated to level {{escalationLevel}}",
      body:
        "Case {{ticketNumber}} ({{ticketSubject}}, priority {{priority}}) has been escalated to level " +
        "{{escalationLevel}}: {{escalationLabel}}.\n\n{{ticketLink}}",
    },
    es: {
      subject: "[#{{ticketNumber}}] Escalado al nivel {{escalationLevel}}",
      body:
        "El caso {{ticketNumber}} ({{ticketSubject}}, prioridad {{priority}}) se ha escalado al nivel " +
        "{{escalationLevel}}: {{escalationLabel}}.\n\n{{ticketLink}}",
    },
  },
  "maintenance.announced": {
    en: {
      subject: "Maintenance window: {{title}} ({{startsAt}})",
      body:
        "Hello {{customerName}},\n\nWe will carry out {{kindLabel}} maintenance on {{product}}.\n\n" +
        "Start: {{startsAt}}\nEnd: {{endsAt}}\nReason: {{reason}}\n\nThe service may be unavailable during this " +
        "window. We apologise for any inconvenience.\n\nThe support team",
    },
    es: {
      subject: "Ventana de mantenimiento: {{title}} ({{startsAt}})",
      body:
        "Hola {{customerName}}:\n\nRealizaremos un mantenimiento {{kindLabel}} en {{product}}.\n\n" +
        "Inicio: {{startsAt}}\nFin: {{endsAt}}\nMotivo: {{reason}}\n\nEl servicio podría no estar disponible durante " +
        "esta ventana. Disculpa las molestias.\n\nEl equipo de soporte",
    },
  },
};
