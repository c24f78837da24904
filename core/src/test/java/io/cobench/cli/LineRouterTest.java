package io.cobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRouterTest {
    @Test
    void wholeLinesGoWhereverTheyAreRoutedAtTheirEnd() {
        ByteArrayOutputStream term = new ByteArrayOutputStream();
        List<String> bar = new ArrayList<>();
        try (LineRouter r = new LineRouter(new PrintStream(term, true, StandardCharsets.UTF_8))) {
            r.println("before");
            r.print("cached 381 ");
            r.route(bar::add);
            r.println("odir images");
            r.print("a\r\nb\n");
            r.direct();
            r.println("after");
        }
        assertEquals(List.of("cached 381 odir images", "a", "b"), bar);
        assertEquals("before\nafter\n", term.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
