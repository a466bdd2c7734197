/** Service-desk defaults until they become tenant settings: a resolved ticket can be reopened for 7 days and closes itself after 5. */
export const REOPEN_WINDOW_DAYS = 7;
export const AUTO_CLOSE_DAYS = 5;
/** The queue's "due soon" view: a running clock due within this many minutes. */
export const DUE_SOON_MINUTES = 120;
