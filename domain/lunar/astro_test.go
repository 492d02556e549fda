package lunar

// An independent astronomical computation of the Chinese calendar, used only
// to check the month table in lunar.go. It follows the rules of GB/T
// 33661-2017 (《农历的编算和颁行》):
//
//   - a month begins on the civil day (UTC+8) of a new moon;
//   - the month containing the winter solstice (冬至) is month 11;
//   - when there are 13 new moons from one month 11 to the next, the first
//     of them whose month contains no principal solar term (中气: sun at a
//     multiple of 30° of apparent longitude) is a leap month and repeats the
//     number of the month before it.
//
// New moons come from Jean Meeus, Astronomical Algorithms (2nd ed.), ch. 49,
// with all periodic and planetary terms (a few seconds of error); the sun's
// apparent longitude from the abridged VSOP87 series of Meeus's Appendix III
// with FK5, nutation (ch. 22, main terms) and aberration corrections (ch. 25);
// ΔT from the Espenak–Meeus polynomials. Nothing here reads the table.

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"
)

const rad = math.Pi / 180

// newMoonJDE returns the Julian Ephemeris Day (TT) of the true new moon with
// lunation number k (k = 0 is the new moon of 2000-01-06).
func newMoonJDE(k float64) float64 {
	t := k / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := 2451550.09766 + 29.530588861*k + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := (2.5534 + 29.10535670*k - 0.0000014*t2 - 0.00000011*t3) * rad
	mp := (201.5643 + 385.81693528*k + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4) * rad
	f := (160.7108 + 390.67050284*k - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4) * rad
	om := (124.7746 - 1.56375588*k + 0.0020672*t2 + 0.00000215*t3) * rad
	s := math.Sin
	jde += -0.40720*s(mp) +
		0.17241*e*s(m) +
		0.01608*s(2*mp) +
		0.01039*s(2*f) +
		0.00739*e*s(mp-m) -
		0.00514*e*s(mp+m) +
		0.00208*e*e*s(2*m) -
		0.00111*s(mp-2*f) -
		0.00057*s(mp+2*f) +
		0.00056*e*s(2*mp+m) -
		0.00042*s(3*mp) +
		0.00042*e*s(m+2*f) +
		0.00038*e*s(m-2*f) -
		0.00024*e*s(2*mp-m) -
		0.00017*s(om) -
		0.00007*s(mp+2*m) +
		0.00004*s(2*mp-2*f) +
		0.00004*s(3*m) +
		0.00003*s(mp+m-2*f) +
		0.00003*s(2*mp+2*f) -
		0.00003*s(mp+m+2*f) +
		0.00003*s(mp-m+2*f) -
		0.00002*s(mp-m-2*f) -
		0.00002*s(3*mp+m) +
		0.00002*s(4*mp)
	// Planetary arguments.
	planetary := [14][3]float64{
		{299.77, 0.107408, 0.000325},
		{251.88, 0.016321, 0.000165},
		{251.83, 26.651886, 0.000164},
		{349.42, 36.412478, 0.000126},
		{84.66, 18.206239, 0.000110},
		{141.74, 53.303771, 0.000062},
		{207.14, 2.453732, 0.000060},
		{154.84, 7.306860, 0.000056},
		{34.52, 27.261239, 0.000047},
		{207.19, 0.121824, 0.000042},
		{291.34, 1.844379, 0.000040},
		{161.72, 24.198154, 0.000037},
		{239.56, 25.513099, 0.000035},
		{331.55, 3.592518, 0.000023},
	}
	for i, p := range planetary {
		a := p[0] + p[1]*k
		if i == 0 {
			a -= 0.009173 * t2
		}
		jde += p[2] * s(a*rad)
	}
	return jde
}

// deltaT returns TT − UT in seconds for a decimal year (Espenak & Meeus,
// NASA "Polynomial expressions for Delta T"). Beyond 2005 it is an
// extrapolation, as it is for every published calendar of future years.
func deltaT(y float64) float64 {
	switch {
	case y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*t*t*t - 0.0004473624*t*t*t*t + t*t*t*t*t/233174
	case y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		return 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t + 0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	default:
		u := (y - 1820) / 100
		return -20 + 32*u*u - 0.5628*(2150-y)
	}
}

// jdeToUT converts a Julian Ephemeris Day to a Julian Day in UT.
func jdeToUT(jde float64) float64 {
	year := 2000 + (jde-2451545)/365.25
	return jde - deltaT(year)/86400
}

type vsopTerm struct{ a, b, c float64 }

// Abridged VSOP87 series for the Earth's heliocentric longitude (L0..L5) and
// radius vector (first terms of R0..R2), Meeus Appendix III; units 1e-8 rad
// and 1e-8 AU, time in Julian millennia from J2000.0.
var (
	earthL = [][]vsopTerm{
		{
			{175347046, 0, 0}, {3341656, 4.6692568, 6283.0758500}, {34894, 4.62610, 12566.15170},
			{3497, 2.7441, 5753.3849}, {3418, 2.8289, 3.5231}, {3136, 3.6277, 77713.7715},
			{2676, 4.4181, 7860.4194}, {2343, 6.1352, 3930.2097}, {1324, 0.7425, 11506.7698},
			{1273, 2.0371, 529.6910}, {1199, 1.1096, 1577.3435}, {990, 5.233, 5884.927},
			{902, 2.045, 26.298}, {857, 3.508, 398.149}, {780, 1.179, 5223.694},
			{753, 2.533, 5507.553}, {505, 4.583, 18849.228}, {492, 4.205, 775.523},
			{357, 2.920, 0.067}, {317, 5.849, 11790.629}, {284, 1.899, 796.298},
			{271, 0.315, 10977.079}, {243, 0.345, 5486.778}, {206, 4.806, 2544.314},
			{205, 1.869, 5573.143}, {202, 2.458, 6069.777}, {156, 0.833, 213.299},
			{132, 3.411, 2942.463}, {126, 1.083, 20.775}, {115, 0.645, 0.980},
			{103, 0.636, 4694.003}, {102, 0.976, 15720.839}, {102, 4.267, 7.114},
			{99, 6.21, 2146.17}, {98, 0.68, 155.42}, {86, 5.98, 161000.69},
			{85, 1.30, 6275.96}, {85, 3.67, 71430.70}, {80, 1.81, 17260.15},
			{79, 3.04, 12036.46}, {75, 1.76, 5088.63}, {74, 3.50, 3154.69},
			{74, 4.68, 801.82}, {70, 0.83, 9437.76}, {62, 3.98, 8827.39},
			{61, 1.82, 7084.90}, {57, 2.78, 6286.60}, {56, 4.39, 14143.50},
			{56, 3.47, 6279.55}, {52, 0.19, 12139.55}, {52, 1.33, 1748.02},
			{51, 0.28, 5856.48}, {49, 0.49, 1194.45}, {41, 5.37, 8429.24},
			{41, 2.40, 19651.05}, {39, 6.17, 10447.39}, {37, 6.04, 10213.29},
			{37, 2.57, 1059.38}, {36, 1.71, 2352.87}, {36, 1.78, 6812.77},
			{33, 0.59, 17789.85}, {30, 0.44, 83996.85}, {30, 2.74, 1349.87},
			{25, 3.16, 4690.48},
		},
		{
			{628331966747, 0, 0}, {206059, 2.678235, 6283.075850}, {4303, 2.6351, 12566.1517},
			{425, 1.590, 3.523}, {119, 5.796, 26.298}, {109, 2.966, 1577.344},
			{93, 2.59, 18849.23}, {72, 1.14, 529.69}, {68, 1.87, 398.15},
			{67, 4.41, 5507.55}, {59, 2.89, 5223.69}, {56, 2.17, 155.42},
			{45, 0.40, 796.30}, {36, 0.47, 775.52}, {29, 2.65, 7.11},
			{21, 5.34, 0.98}, {19, 1.85, 5486.78}, {19, 4.97, 213.30},
			{17, 2.99, 6275.96}, {16, 0.03, 2544.31}, {16, 1.43, 2146.17},
			{15, 1.21, 10977.08}, {12, 2.83, 1748.02}, {12, 3.26, 5088.63},
			{12, 5.27, 1194.45}, {12, 2.08, 4694.00}, {11, 0.77, 553.57},
			{10, 1.30, 6286.60}, {10, 4.24, 1349.87}, {9, 2.70, 242.73},
			{9, 5.64, 951.72}, {8, 5.30, 2352.87}, {6, 2.65, 9437.76},
			{6, 4.67, 4690.48},
		},
		{
			{52919, 0, 0}, {8720, 1.0721, 6283.0758}, {309, 0.867, 12566.152},
			{27, 0.05, 3.52}, {16, 5.19, 26.30}, {16, 3.68, 155.42},
			{10, 0.76, 18849.23}, {9, 2.06, 77713.77}, {7, 0.83, 775.52},
			{5, 4.66, 1577.34}, {4, 1.03, 7.11}, {4, 3.44, 5573.14},
			{3, 5.14, 796.30}, {3, 6.05, 5507.55}, {3, 1.19, 242.73},
			{3, 6.12, 529.69}, {3, 0.31, 398.15}, {3, 2.28, 553.57},
			{2, 4.38, 5223.69}, {2, 3.75, 0.98},
		},
		{
			{289, 5.844, 6283.076}, {35, 0, 0}, {17, 5.49, 12566.15},
			{3, 5.20, 155.42}, {1, 4.72, 3.52}, {1, 5.30, 18849.23},
			{1, 5.97, 242.73},
		},
		{{114, 3.142, 0}, {8, 4.13, 6283.08}, {1, 3.84, 12566.15}},
		{{1, 3.14, 0}},
	}
	earthR = [][]vsopTerm{
		{
			{100013989, 0, 0}, {1670700, 3.0984635, 6283.0758500}, {13956, 3.05525, 12566.15170},
			{3084, 5.1985, 77713.7715}, {1628, 1.1739, 5753.3849}, {1576, 2.8469, 7860.4194},
		},
		{{103019, 1.107490, 6283.075850}, {1721, 1.0644, 12566.1517}, {702, 3.142, 0}},
		{{4359, 5.7846, 6283.0758}, {124, 5.579, 12566.152}},
	}
)

func vsop(series [][]vsopTerm, tau float64) float64 {
	sum, p := 0.0, 1.0
	for _, terms := range series {
		s := 0.0
		for _, t := range terms {
			s += t.a * math.Cos(t.b+t.c*tau)
		}
		sum += s * p
		p *= tau
	}
	return sum / 1e8
}

// sunLongitude returns the apparent geocentric longitude of the sun in
// degrees, 0 ≤ λ < 360, at Julian Ephemeris Day jde.
func sunLongitude(jde float64) float64 {
	tau := (jde - 2451545) / 365250
	t := tau * 10
	l := vsop(earthL, tau) / rad
	r := vsop(earthR, tau)
	lambda := l + 180 - 0.09033/3600 // geocentric, converted to the FK5 system
	om := (125.04452 - 1934.136261*t) * rad
	ls := (280.4665 + 36000.7698*t) * rad
	lm := (218.3165 + 481267.8813*t) * rad
	nutation := (-17.20*math.Sin(om) - 1.32*math.Sin(2*ls) - 0.23*math.Sin(2*lm) + 0.21*math.Sin(2*om)) / 3600
	aberration := -20.4898 / 3600 / r
	return math.Mod(math.Mod(lambda+nutation+aberration, 360)+360, 360)
}

// solarTermJDE returns the JDE at which the sun's apparent longitude is
// angle degrees, for the tropical year that starts at the March equinox of
// year (so angle 270 is the December solstice of year, angle 300 falls in
// January of year+1).
func solarTermJDE(year int, angle float64) float64 {
	jde := 2451623.80984 + 365.242189623*float64(year-2000) + angle/360*365.242189623
	for range 20 {
		d := math.Mod(angle-sunLongitude(jde)+540, 360) - 180
		jde += d / 360 * 365.242189623
		if math.Abs(d) < 1e-8 {
			break
		}
	}
	return jde
}

// civilDay returns the day number (days since 1970-01-01) of the civil day
// containing the instant jde in a zone offsetHours ahead of UT.
func civilDay(jde, offsetHours float64) int {
	return int(math.Floor(jdeToUT(jde) - 2440587.5 + offsetHours/24))
}

// astroMonth is one lunar month as derived astronomically.
type astroMonth struct {
	Year, Month int
	Leap        bool
	Start       int // day number (days since 1970-01-01) of the first day
	Days        int
	NewMoonJDE  float64
}

// astroCalendar derives the lunar months of the lunar years first..last in a
// time zone offsetHours ahead of UT (8 for China Standard Time).
func astroCalendar(first, last int, offsetHours float64) []astroMonth {
	// New moons from well before the winter solstice of first-2 to well
	// after the one of last+1.
	var moons []int // civil days of new moons
	var moonJDE []float64
	for k := math.Floor(float64(first-2000-2)*12.3685) - 2; ; k++ {
		jde := newMoonJDE(k)
		if jde > 2451545+float64(last+2-2000)*365.25+60 {
			break
		}
		moons = append(moons, civilDay(jde, offsetHours))
		moonJDE = append(moonJDE, jde)
	}
	// Days of the principal terms (sun at a multiple of 30°).
	var terms []int
	for y := first - 3; y <= last+2; y++ {
		for a := 0; a < 360; a += 30 {
			terms = append(terms, civilDay(solarTermJDE(y, float64(a)), offsetHours))
		}
	}
	sort.Ints(terms)
	hasTerm := func(from, to int) bool { // any principal term on a day in [from, to)
		i := sort.SearchInts(terms, from)
		return i < len(terms) && terms[i] < to
	}
	// month11 returns the index in moons of the month containing the winter
	// solstice of year y: the last new moon on or before the solstice day.
	month11 := func(y int) int {
		ws := civilDay(solarTermJDE(y, 270), offsetHours)
		return sort.Search(len(moons), func(i int) bool { return moons[i] > ws }) - 1
	}

	var months []astroMonth
	for y := first - 1; y <= last; y++ {
		a, b := month11(y), month11(y+1)
		leapAt := -1
		if b-a == 13 {
			for i := a + 1; i < b; i++ {
				if !hasTerm(moons[i], moons[i+1]) {
					leapAt = i
					break
				}
			}
		}
		num, year := 10, y // the regular month before the first one
		for i := a; i < b; i++ {
			m := astroMonth{Start: moons[i], Days: moons[i+1] - moons[i], NewMoonJDE: moonJDE[i], Leap: i == leapAt}
			if !m.Leap {
				num++
				if num > 12 {
					num, year = 1, year+1
				}
			}
			m.Year, m.Month = year, num
			months = append(months, m)
		}
	}
	// Keep the months of lunar years first..last.
	var out []astroMonth
	for _, m := range months {
		if m.Year >= first && m.Year <= last {
			out = append(out, m)
		}
	}
	return out
}

// beijingMeanTime is the offset of Beijing local mean time (116°25′E), used
// by Chinese calendars until 1928; China Standard Time (UTC+8) since 1929.
const beijingMeanTime = 7 + 45.0/60 + 40.0/3600

// astroExceptions are the months whose first day in the official calendar
// (the table) differs from the computation in UTC+8, keyed "YYYY-MM" or
// "YYYY-LMM" by lunar month, with the table's first day. In all of them the
// new moon is within minutes of midnight. The test fails if one of them
// stops being needed, so the list stays exact.
var astroExceptions = map[string]struct {
	tableStart string
	why        string
}{
	// Before 1929 the calendar was computed in Beijing local mean time,
	// 14m20s behind UTC+8 (Hong Kong Observatory tables recompute these
	// years in UTC+8 and disagree; we keep the calendar as issued, as do
	// Reingold & Dershowitz and ICU4X). The test recomputes these months
	// in Beijing mean time and expects the table's date.
	"1914-10": {"1914-11-17", "new moon 1914-11-18 00:02 UTC+8 = 11-17 23:48 Beijing mean time"},
	"1916-01": {"1916-02-03", "new moon 1916-02-04 00:05 UTC+8 = 02-03 23:51 Beijing mean time (春节 1916)"},
	"1920-10": {"1920-11-10", "new moon 1920-11-11 00:05 UTC+8 = 11-10 23:50 Beijing mean time"},
	// The computed new moon is a few seconds before midnight, far less than
	// the uncertainty of ΔT (and of this computation) 30 years ahead. The
	// published tables (Hong Kong Observatory) begin 九月 on 09-29, so
	// 重阳 2057 is 10-07; the test checks the new moon is within a minute of
	// midnight.
	"2057-09": {"2057-09-29", "new moon computed at 2057-09-28 23:59:5x UTC+8"},
}

func monthKey(year, month int, leap bool) string {
	if leap {
		return fmt.Sprintf("%d-L%02d", year, month)
	}
	return fmt.Sprintf("%d-%02d", year, month)
}

func unixDayString(n int) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format(time.DateOnly)
}

// TestAstronomicalTable derives every month of 1900–2100 from the new moons
// and solar terms and compares it with the table: the sequence of month
// numbers and leap months must agree exactly, and every month's first day
// must agree except for the explicit astroExceptions.
func TestAstronomicalTable(t *testing.T) {
	months := astroCalendar(MinYear, MaxYear, 8)
	beijing := map[string]astroMonth{}
	for _, m := range astroCalendar(MinYear, 1928, beijingMeanTime) {
		beijing[monthKey(m.Year, m.Month, m.Leap)] = m
	}

	// The month sequence, year by year.
	byYear := map[int][]astroMonth{}
	for _, m := range months {
		byYear[m.Year] = append(byYear[m.Year], m)
	}
	for year := MinYear; year <= MaxYear; year++ {
		var want []string
		leap := 0
		for _, m := range byYear[year] {
			want = append(want, monthKey(year, m.Month, m.Leap))
			if m.Leap {
				leap = m.Month
			}
		}
		var got []string
		for m := 1; m <= 12; m++ {
			got = append(got, monthKey(year, m, false))
			if LeapMonth(year) == m {
				got = append(got, monthKey(year, m, true))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("lunar year %d: table months %v, astronomy %v", year, got, want)
		}
		if LeapMonth(year) != leap {
			t.Errorf("LeapMonth(%d) = %d, astronomy says %d", year, LeapMonth(year), leap)
		}
	}

	// The first day of every month, and the end of the last one.
	used := map[string]bool{}
	for _, m := range months {
		if m.Leap && LeapMonth(m.Year) != m.Month {
			continue // reported above
		}
		key := monthKey(m.Year, m.Month, m.Leap)
		got := monthStart(m.Year, m.Month, m.Leap) + epochDays
		if got == m.Start {
			continue
		}
		ex, ok := astroExceptions[key]
		if !ok {
			t.Errorf("month %s: table starts %s, astronomy %s", key, unixDayString(got), unixDayString(m.Start))
			continue
		}
		used[key] = true
		if unixDayString(got) != ex.tableStart {
			t.Errorf("month %s: table starts %s, exception expects %s", key, unixDayString(got), ex.tableStart)
		}
		if m.Year < 1929 {
			if b := beijing[key]; b.Start != got {
				t.Errorf("month %s: in Beijing mean time it starts %s, table %s", key, unixDayString(b.Start), unixDayString(got))
			}
		} else {
			local := (jdeToUT(m.NewMoonJDE) + 0.5 + 8.0/24) * 1440 // minutes
			if d := math.Abs(local - math.Round(local/1440)*1440); d > 1 {
				t.Errorf("month %s: new moon %.1f minutes from midnight, not a near-midnight case", key, d)
			}
		}
	}
	for key := range astroExceptions {
		if !used[key] {
			t.Errorf("exception %s is no longer needed", key)
		}
	}
	last := months[len(months)-1]
	if end := yearStart[len(yearStart)-1] + epochDays; end != last.Start+last.Days {
		t.Errorf("lunar 2100 ends %s, astronomy %s", unixDayString(end-1), unixDayString(last.Start+last.Days-1))
	}

	// Pre-1929 months agree with Beijing mean time except 1906-04, whose
	// new moon came 8 minutes before midnight in Beijing mean time; the
	// calendar as issued (the last Qing almanacs, on older theory) began
	// 四月 on 04-24, which is also the UTC+8 date, so it is not an
	// exception above.
	for key, b := range beijing {
		var y, m int
		var leap bool
		if strings.Contains(key, "L") {
			fmt.Sscanf(key, "%d-L%d", &y, &m)
			leap = true
		} else {
			fmt.Sscanf(key, "%d-%d", &y, &m)
		}
		if leap && LeapMonth(y) != m {
			t.Errorf("Beijing mean time: %s is not a leap month in the table", key)
			continue
		}
		if got := monthStart(y, m, leap) + epochDays; got != b.Start && key != "1906-04" {
			t.Errorf("Beijing mean time: month %s starts %s, table %s", key, unixDayString(b.Start), unixDayString(got))
		}
	}
}

// TestAstronomy checks the computation itself against worked examples and
// published times, so that the comparison above is meaningful.
func TestAstronomy(t *testing.T) {
	// Meeus, Example 49.a: the new moon of 1977 February, k = -283.
	if got := newMoonJDE(-283); math.Abs(got-2443192.65118) > 0.00001 {
		t.Errorf("newMoonJDE(-283) = %.5f, want 2443192.65118", got)
	}
	// Meeus, Example 25.b: 1992 October 13.0 TD, λ = 199°54′21.818″.
	if got, want := sunLongitude(2448908.5), 199+54.0/60+21.818/3600; math.Abs(got-want) > 0.5/3600 {
		t.Errorf("sunLongitude(1992-10-13) = %.6f°, want %.6f°", got, want)
	}
	ut := func(jde float64) time.Time {
		return time.Unix(int64(math.Round((jdeToUT(jde)-2440587.5)*86400)), 0).UTC()
	}
	near := func(name string, got time.Time, want string) {
		w, _ := time.Parse("2006-01-02 15:04", want)
		if d := got.Sub(w); d < -2*time.Minute || d > 2*time.Minute {
			t.Errorf("%s = %s UT, want %s UT", name, got.Format("2006-01-02 15:04:05"), want)
		}
	}
	// Published times (USNO / HKO): new moons and solstices/equinoxes.
	near("new moon 2023-01", ut(newMoonJDE(math.Round((2023.06-2000)*12.3685))), "2023-01-21 20:53")
	near("new moon 2026-08 (total solar eclipse)", ut(newMoonJDE(math.Round((2026.61-2000)*12.3685))), "2026-08-12 17:37")
	near("December solstice 2024", ut(solarTermJDE(2024, 270)), "2024-12-21 09:20")
	near("March equinox 2000", ut(solarTermJDE(2000, 0)), "2000-03-20 07:35")
	near("September equinox 2025", ut(solarTermJDE(2025, 180)), "2025-09-22 18:19")
}
