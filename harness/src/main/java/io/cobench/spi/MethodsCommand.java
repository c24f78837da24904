package io.cobench.spi;

import io.cobench.cli.CobenchCommand;
import picocli.CommandLine.Command;

/** {@code cobench methods}: the registered methods, one per line. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the registered methods (registry key, table row, description), one per line.")
public final class MethodsCommand implements CobenchCommand {
    @Override
    public String path() {
        return "methods";
    }

    @Override
    public Integer call() {
        MethodRegistry r = MethodRegistry.load();
        for (String n : r.names()) {
            MethodProvider p = r.provider(n);
            String row = p.tableRow(n);
            System.out.println(n + "\t" + (row == null ? "-" : row) + "\t" + p.description(n));
        }
        return 0;
    }
}
