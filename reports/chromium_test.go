package reports

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a headless-capable Chromium, or skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium is not installed (Debian: apt-get install chromium); skipping the browser test of the HTML report")
	return ""
}

// runChromium runs headless Chromium on a page with extra flags and
// returns its standard output and error.
func runChromium(t *testing.T, bin string, extra ...string) (string, string) {
	t.Helper()
	// A guard against a hung browser, not a timing assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
		"--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(args, extra...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, errb.String())
	}
	return out.String(), errb.String()
}

// consoleErrors returns the lines of Chromium's log that report a script
// error or a console message.
func consoleErrors(log string) []string {
	var bad []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, ":CONSOLE") {
			bad = append(bad, line)
		}
	}
	return bad
}

func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	t.Run("compare", func(t *testing.T) {
		checkInChromium(t, bin, Options{Format: FormatHTML, Source: "testkorpus"}, `id="t-oversikt"`)
	})
	t.Run("profile", func(t *testing.T) {
		checkInChromium(t, bin, Options{Format: FormatHTML, Municipality: "Fjälla"}, `id="kommun-fjalla"`)
	})
}

// checkInChromium loads a report page in headless Chromium: no console
// errors, the script ran to its end, and a screenshot can be taken.
func checkInChromium(t *testing.T, bin string, opts Options, marker string) {
	dir := t.TempDir()
	page := filepath.Join(dir, "jamforelse.html")
	if err := os.WriteFile(page, render(t, testReport(), opts), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page
	if keep := os.Getenv("STYRDOK_REPORT_HTML"); keep != "" {
		data, _ := os.ReadFile(page)
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Error(err)
		}
	}

	dom, log := runChromium(t, bin, "--dump-dom", url)
	if bad := consoleErrors(log); len(bad) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(bad, "\n"))
	}
	if !strings.Contains(dom, `data-ready="1"`) {
		t.Errorf("the report's script did not run to its end (no data-ready marker)")
	}
	for _, want := range []string{`tabindex="0"`, marker, "&lt;script&gt;alert"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %s", want)
		}
	}

	shot := filepath.Join(dir, "jamforelse.png")
	_, log = runChromium(t, bin, "--screenshot="+shot, "--window-size=1400,1800", url)
	if bad := consoleErrors(log); len(bad) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(bad, "\n"))
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 1000 {
		t.Errorf("screenshot is %v", b)
	}
	if keep := os.Getenv("STYRDOK_SCREENSHOT"); keep != "" {
		data, _ := os.ReadFile(shot)
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// The console check must catch a broken script.
func TestChromiumSeesScriptErrors(t *testing.T) {
	bin := chromium(t)
	page := filepath.Join(t.TempDir(), "broken.html")
	if err := os.WriteFile(page, []byte("<!DOCTYPE html><html><body><script>notDefined();</script></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log := runChromium(t, bin, "--dump-dom", "file://"+page)
	if len(consoleErrors(log)) == 0 {
		t.Errorf("a page with an uncaught error logged no console error; the check is blind:\n%s", log)
	}
}
