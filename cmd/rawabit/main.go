// Command rawabit turns Arabic news into an influence network and serves it:
// "rawabit serve" starts the API and viewer, "rawabit load" fills a store,
// "rawabit version" says what was built. Other commands (extract, eval,
// export) live in their own files and add themselves with register.
//
// Configuration comes from config.yaml, RAWABIT_* environment variables and
// flags, in increasing priority (see config.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/input"
	"github.com/spf13/cobra"
)

// commands holds the constructors registered by register, in order.
var commands []func(*App) *cobra.Command

// register adds a command to rawabit. Call it from an init function:
//
//	func init() { register(newExtractCmd) }
//
// The constructor runs once per invocation, before flags are parsed, so it
// must not read app.Config; its RunE may (the configuration is resolved by
// then). To let a flag override a config key, call bindFlag on it. A
// command must not set PersistentPreRun(E): the root's resolves the config.
// Argument checks should use exactArgs or minArgs, so that a wrong count
// exits with the usage status 2.
func register(f func(*App) *cobra.Command) {
	commands = append(commands, f)
}

// noConfigAnnotation, set on a command, skips configuration loading for it
// (so "rawabit version" works whatever the config says).
const noConfigAnnotation = "rawabit/no-config"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// usageError is a mistake on the command line (unknown flag, missing
// argument); it exits with exitUsage.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills the process at once
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes rawabit with the given arguments and returns the exit code.
// Errors are printed to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runApp(ctx, &App{Stdout: stdout, Stderr: stderr}, args)
}

// runApp is run with a given App (its Stdout and Stderr set), for tests
// that set App.Listen.
func runApp(ctx context.Context, app *App, args []string) int {
	stdout, stderr := app.Stdout, app.Stderr
	app.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	app.removeEmbedded()
	if err == nil {
		return exitOK
	}
	for _, line := range errorLines(err) {
		fmt.Fprintln(stderr, "rawabit:", line)
	}
	if errors.As(err, new(usageError)) {
		fmt.Fprintln(stderr, "Run 'rawabit --help' for usage.")
		return exitUsage
	}
	return exitError
}

// errorLines is what the command line prints for err, one line each. For
// an error in an input file (a *graph.Error with a position) it is the user
// message (graph.UserMessage: file:line:column and message) of every error
// joined in err; for any other error, its text, which names the operation,
// flag or variable at fault.
func errorLines(err error) []string {
	if e := graph.AsError(err); e == nil || e.Pos == (graph.Position{}) {
		return []string{err.Error()}
	}
	return input.Messages(err)
}

func newRootCmd(app *App) *cobra.Command {
	var configFile string
	root := &cobra.Command{
		Use:   "rawabit",
		Short: "Rawabit: the influence network of Arabic news",
		Long: `Rawabit reads Arabic news articles, finds who met, supported or opposed whom,
with the sentence that says so, and serves the resulting network.

Configuration: config.yaml (or --config FILE), then RAWABIT_* environment
variables (RAWABIT_STORE=neo4j, RAWABIT_NEO4J_URI=...), then flags.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if !needsConfig(cmd) {
				return nil
			}
			r, err := resolveConfig(configSource{File: configFile, Flags: cmd.Flags()})
			if err != nil {
				return err
			}
			app.Config, app.resolved = r.Config, r
			app.Logger = newLogger(app.Stderr, r.Log)
			app.Logger.Debug("config resolved", "file", r.File, "store", r.Store)
			return nil
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	pf := root.PersistentFlags()
	pf.StringVar(&configFile, "config", "", "config file (default $RAWABIT_CONFIG, else ./config.yaml when present)")
	pf.String("store", "", "graph store: memory or neo4j (key store)")
	bindFlag(pf, "store", "store")
	pf.String("log-level", "", "log level: debug, info, warn or error (key log.level)")
	bindFlag(pf, "log-level", "log.level")
	pf.String("log-format", "", "log format: text or json (key log.format)")
	bindFlag(pf, "log-format", "log.format")

	for _, f := range commands {
		root.AddCommand(f(app))
	}
	return root
}

// needsConfig reports whether cmd reads the configuration: not version, help
// or shell completion, which must work whatever the configuration says.
func needsConfig(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		switch {
		case c.Annotations[noConfigAnnotation] != "",
			c.Name() == "help", c.Name() == "completion",
			c.Name() == cobra.ShellCompRequestCmd, c.Name() == cobra.ShellCompNoDescRequestCmd:
			return false
		}
	}
	return true
}

// exactArgs and minArgs are cobra's argument checks, reporting usage errors.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
