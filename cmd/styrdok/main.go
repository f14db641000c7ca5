// Command styrdok turns Swedish municipal steering documents into a
// searchable corpus and a cross-city comparison.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes, mapped once in main.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitInterrupted = 130
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	Corpus string // corpus directory; empty means the default store or the embedded seeds
	JSON   bool   // machine-readable output
	Quiet  bool
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader
}

// usageError marks an error in how the command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// partialError reports that some inputs failed and the rest were processed
// (exit 3). The failures have already been printed one per line.
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	g := &globalOptions{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin}
	root := newRootCmd(g)
	err := root.ExecuteContext(ctx)
	os.Exit(exitCode(ctx, g.Stderr, err))
}

// exitCode prints err (once) and maps it to the process exit code.
func exitCode(ctx context.Context, stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var pe partialError
	var ue usageError
	switch {
	case errors.As(err, &pe):
		fmt.Fprintln(stderr, "styrdok:", err)
		return exitPartial
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "styrdok: interrupted")
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "styrdok:", err)
		return exitUsage
	}
	fmt.Fprintln(stderr, "styrdok:", err)
	return exitError
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "styrdok",
		Short: "Search and compare Swedish municipal steering documents",
		Long: `styrdok reads Swedish municipal steering documents (strategier, policyer,
planer, riktlinjer) from PDF, DOCX, ODT, HTML, Markdown and text, repairs
damaged Swedish text, extracts a structured model (goals, actors and their
responsibilities, follow-up intervals, dates, themes, networks), indexes the
corpus for search and compares cities side by side.

Without --corpus, commands that read use the corpus in the default directory
if it has documents, else the five embedded seed documents.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(g.Stdout)
	root.SetErr(g.Stderr)
	root.SetIn(g.Stdin)
	root.PersistentFlags().StringVar(&g.Corpus, "corpus", "", "corpus directory (default: "+defaultCorpusHint()+")")
	root.PersistentFlags().BoolVar(&g.JSON, "json", false, "machine-readable JSON output")
	root.PersistentFlags().BoolVarP(&g.Quiet, "quiet", "q", false, "print less on stderr")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newIngestCmd(g),
		newListCmd(g),
		newShowCmd(g),
		newSectionsCmd(g),
		newExtractCmd(g),
		newCompareCmd(g),
		newReportCmd(g),
		newBatchCmd(g),
		newServeCmd(g),
		newCleanCmd(g),
		newSearchCmd(g),
		newIndexCmd(g),
		newBenchCmd(g),
	)
	return root
}
