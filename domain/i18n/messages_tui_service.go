package i18n

// tuiServiceMessages are the words of the Service and Templates screens.
var tuiServiceMessages = map[string]msg{}
