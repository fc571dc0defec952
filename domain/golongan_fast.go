package domain

// Allocation-free golongan helpers for the rules that run over the whole
// office (reminders, DUK). They agree with PNSGolongan / PPPKGolongan /
// GolonganRank (tested), which build their tables on every call.

// pnsRank is the SIASN-style rank of a PNS golongan code ("III/b" → 32),
// 0 when code is not one.
func pnsRank(code string) int {
	n := len(code)
	if n < 3 || code[n-2] != '/' {
		return 0
	}
	g := 0
	switch code[:n-2] {
	case "I":
		g = 1
	case "II":
		g = 2
	case "III":
		g = 3
	case "IV":
		g = 4
	default:
		return 0
	}
	r := int(code[n-1]) - 'a' + 1
	if r < 1 || r > 4 && !(g == 4 && r == 5) {
		return 0
	}
	return g*10 + r
}

// pnsCode is the code of a PNS rank (32 → "III/b"), "" when none.
func pnsCode(rank int) string {
	g, r := rank/10, rank%10
	if g < 1 || g > 4 || r < 1 || r > 4 && !(g == 4 && r == 5) {
		return ""
	}
	return [...]string{"I", "II", "III", "IV"}[g-1] + "/" + string(rune('a'+r-1))
}

// pppkRank is the rank of a PPPK golongan I…XVII, 0 when code is not one.
func pppkRank(code string) int {
	switch code {
	case "I":
		return 1
	case "II":
		return 2
	case "III":
		return 3
	case "IV":
		return 4
	case "V":
		return 5
	case "VI":
		return 6
	case "VII":
		return 7
	case "VIII":
		return 8
	case "IX":
		return 9
	case "X":
		return 10
	case "XI":
		return 11
	case "XII":
		return 12
	case "XIII":
		return 13
	case "XIV":
		return 14
	case "XV":
		return 15
	case "XVI":
		return 16
	case "XVII":
		return 17
	}
	return 0
}

// golonganRank is GolonganRank without allocation.
func golonganRank(code string) int {
	if r := pnsRank(code); r > 0 {
		return 100 + r
	}
	return pppkRank(code)
}

// nextGolongan is the PNS golongan one step above code ("" at IV/e or for
// an unknown code).
func nextGolongan(code string) string {
	r := pnsRank(code)
	switch {
	case r == 0 || r == 45:
		return ""
	case r%10 == 4 && r < 40:
		return pnsCode((r/10+1)*10 + 1)
	}
	return pnsCode(r + 1)
}

// tmtPensiun is TMTPensiun without the time package.
func tmtPensiun(lahir Date, bup int) Date {
	if lahir.IsZero() || bup <= 0 {
		return Date{}
	}
	reached := addMonths(lahir, bup*12)
	return addMonths(Date{reached.Year, reached.Month, 1}, 1)
}
