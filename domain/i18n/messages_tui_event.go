package i18n

// tuiEventMessages are the words of the Events screen and of invitations.
var tuiEventMessages = map[string]msg{}
