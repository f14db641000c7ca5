package main

import (
	"github.com/spf13/cobra"

	"styrdok/reports"
)

func newReportCmd(g *globalOptions) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report MUNICIPALITY|ID|FILE",
		Short: "Print one municipality's profile: facts, goals, responsibilities, follow-up, sections, evidence",
		Long: `report prints the profile of one municipality: for each of its documents
the facts of the comparison (with evidence), the vision, the goals, who is
responsible for what, the follow-up mechanisms, the sections and the
evidence sentences with their lines. Markdown by default; --format or -o
choose csv (--table facts|goals|responsibilities|follow_up|sections|notes),
json, xlsx or html.`,
		Example: `  styrdok report Växjö
  styrdok report Malmö -o malmo.html
  styrdok report Borås --format csv --excel --table follow_up`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(g, opts, args[0])
		},
	}
	addReportFlags(cmd, &opts, "facts, goals, responsibilities, follow_up, sections, notes")
	return cmd
}

func runReport(g *globalOptions, opts reportOptions, ref string) error {
	format, err := reportFormat(g, opts)
	if err != nil {
		return err
	}
	docs, source, err := selectDocuments(g, []string{ref})
	if err != nil {
		return err
	}
	r := reports.Build(docs)
	if len(r.Profiles) == 0 {
		return usagef("%s: no documents", ref)
	}
	return writeReport(g, r, opts, reports.Options{Format: format, Municipality: r.Profiles[0].Municipality,
		Table: opts.Table, Excel: opts.Excel, Source: source})
}
