package chart

import (
	"math"
	"strings"
)

// sparkMarks are the eight heights of a sparkline, lowest first.
var sparkMarks = [8]string{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// SparkZero marks a value of exactly zero (or negative, NaN or infinite).
// It is a dot, not a blank, so the line keeps its length and a quiet week
// still shows as a week; it is also lower-looking than ▁, which is kept
// for the smallest non-zero values, so "nothing" and "a little" differ.
const SparkZero = "·"

// Sparkline renders values as one line of ▁▂▃▄▅▆▇█ scaled from 0 to the
// largest value, one cell per value. Any non-zero value gets at least ▁;
// zero gets SparkZero. When there are more values than width, the most
// recent (last) ones are kept, since a trend is read at its end. width ≤ 0
// or no values give "".
func Sparkline(values []float64, width int) string {
	if width <= 0 || len(values) == 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	top := 0.0
	for _, v := range values {
		top = math.Max(top, magnitude(v))
	}
	var b strings.Builder
	for _, v := range values {
		v = magnitude(v)
		if v == 0 {
			b.WriteString(SparkZero)
			continue
		}
		level := int(math.Round(v / top * 8))
		b.WriteString(sparkMarks[min(max(level, 1), 8)-1])
	}
	return b.String()
}
