package tui

import "github.com/charmbracelet/lipgloss"

// Palette holds the semantic colours; every style is built from it, so a
// light or high-contrast theme is one new Palette.
type Palette struct {
	Primary, OnPrimary, Muted, Border, Selected, OnSelected, Success, Warning, Error, Subtle lipgloss.AdaptiveColor
}

// DefaultPalette works on dark and light terminals alike.
func DefaultPalette() Palette {
	return Palette{
		Primary:    lipgloss.AdaptiveColor{Light: "#1d4e89", Dark: "#7aa2f7"},
		OnPrimary:  lipgloss.AdaptiveColor{Light: "#ffffff", Dark: "#1a1b26"},
		Muted:      lipgloss.AdaptiveColor{Light: "#6b6b6b", Dark: "#8a8fa3"},
		Border:     lipgloss.AdaptiveColor{Light: "#9a9a9a", Dark: "#565f89"},
		Selected:   lipgloss.AdaptiveColor{Light: "#d6e4f5", Dark: "#2f3b5c"},
		OnSelected: lipgloss.AdaptiveColor{Light: "#000000", Dark: "#ffffff"},
		Success:    lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#9ece6a"},
		Warning:    lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#e0af68"},
		Error:      lipgloss.AdaptiveColor{Light: "#c62828", Dark: "#f7768e"},
		Subtle:     lipgloss.AdaptiveColor{Light: "#eeeeee", Dark: "#24283b"},
	}
}

// Styles are every style the screens use, by meaning.
type Styles struct {
	Header, HeaderDemo, HeaderDate lipgloss.Style
	Menu, MenuItem, MenuActive     lipgloss.Style
	MenuKey                        lipgloss.Style
	Title, Section, Label, Value   lipgloss.Style
	Muted, Computed                lipgloss.Style
	Status, StatusError, StatusOK  lipgloss.Style
	Footer, FooterKey              lipgloss.Style
	TableHeader, Row, RowSelected  lipgloss.Style
	Tab, TabActive                 lipgloss.Style
	Input, InputFocused            lipgloss.Style
	FieldError, FieldWarning       lipgloss.Style
	Button, ButtonFocused          lipgloss.Style
	Dialog, DialogTitle            lipgloss.Style
	Banner                         lipgloss.Style
}

// NewStyles builds the styles from a palette.
func NewStyles(p Palette) Styles {
	s := Styles{}
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(p.OnPrimary).Background(p.Primary)
	s.HeaderDemo = s.Header.Foreground(p.Warning).Background(p.Primary)
	s.HeaderDate = lipgloss.NewStyle().Foreground(p.OnPrimary).Background(p.Primary)
	s.Menu = lipgloss.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderRight(true).BorderForeground(p.Border)
	s.MenuItem = lipgloss.NewStyle()
	s.MenuActive = lipgloss.NewStyle().Bold(true).Foreground(p.OnSelected).Background(p.Selected)
	s.MenuKey = lipgloss.NewStyle().Foreground(p.Muted)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.Primary)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(p.Primary).Underline(true)
	s.Label = lipgloss.NewStyle().Foreground(p.Muted)
	s.Value = lipgloss.NewStyle()
	s.Muted = lipgloss.NewStyle().Foreground(p.Muted)
	s.Computed = lipgloss.NewStyle().Italic(true)
	s.Status = lipgloss.NewStyle().Foreground(p.Primary)
	s.StatusError = lipgloss.NewStyle().Bold(true).Foreground(p.Error)
	s.StatusOK = lipgloss.NewStyle().Foreground(p.Success)
	s.Footer = lipgloss.NewStyle().Foreground(p.Muted)
	s.FooterKey = lipgloss.NewStyle().Bold(true)
	s.TableHeader = lipgloss.NewStyle().Bold(true).Foreground(p.Primary)
	s.Row = lipgloss.NewStyle()
	s.RowSelected = lipgloss.NewStyle().Bold(true).Foreground(p.OnSelected).Background(p.Selected)
	s.Tab = lipgloss.NewStyle().Foreground(p.Muted)
	s.TabActive = lipgloss.NewStyle().Bold(true).Foreground(p.OnSelected).Background(p.Selected)
	s.Input = lipgloss.NewStyle()
	s.InputFocused = lipgloss.NewStyle().Foreground(p.OnSelected).Background(p.Subtle)
	s.FieldError = lipgloss.NewStyle().Foreground(p.Error)
	s.FieldWarning = lipgloss.NewStyle().Foreground(p.Warning)
	s.Button = lipgloss.NewStyle().Foreground(p.Primary)
	s.ButtonFocused = lipgloss.NewStyle().Bold(true).Foreground(p.OnPrimary).Background(p.Primary)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Primary).Padding(1, 2)
	s.DialogTitle = lipgloss.NewStyle().Bold(true).Foreground(p.Primary)
	s.Banner = lipgloss.NewStyle().Foreground(p.Warning).Bold(true)
	return s
}
