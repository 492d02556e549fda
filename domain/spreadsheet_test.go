package domain

import "testing"

func TestDefuseFormula(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "@cmd": "'@cmd", "+cmd|x": "'+cmd|x", "-好评": "'-好评",
		`=HYPERLINK("http://x","点我")`: `'=HYPERLINK("http://x","点我")`,
		"+8613800138000":              "+8613800138000", "-99.00": "-99.00", "-.5": "-.5", "-": "-", "王芳": "王芳", "": ""} {
		if got := DefuseFormula(in); got != want {
			t.Errorf("DefuseFormula(%q) = %q, want %q", in, got, want)
		}
	}
}
