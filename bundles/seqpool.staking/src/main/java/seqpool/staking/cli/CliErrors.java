package seqpool.staking.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;

/** picocli wiring shared by the commands: output streams, and failures printed as one line with exit code 1. */
final class CliErrors {
    private CliErrors() {
    }

    static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("error: " + ex.getMessage());
            line.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }
}
