package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func init() { register(newConfigCmd) }

func newConfigCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the resolved configuration and where each value comes from",
		Long: `Print every configuration key with the value in force and its origin: the
default, FILE:LINE of the config file, the environment variable or the flag.
The Neo4j password is masked.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			file := app.resolved.File
			if file == "" {
				file = "(none)"
			}
			fmt.Fprintf(app.Stdout, "# config file: %s\n", file)
			w := tabwriter.NewWriter(app.Stdout, 0, 4, 2, ' ', 0)
			for _, k := range configKeys {
				val := app.resolved.Values[k.Key]
				if k.Key == "neo4j.password" && val != "" {
					val = "********"
				}
				fmt.Fprintf(w, "%s\t%v\t%s\t%s\n", k.Key, val, k.EnvVar(), app.resolved.Origins[k.Key])
			}
			return w.Flush()
		},
	}
}
