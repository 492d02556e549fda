package i18n

// textSafetyMessages are the words of text that is refused on the way in (bidi overrides, zero-width and other format characters) and what leaves the program cleaned.
var textSafetyMessages = map[string]msg{}
