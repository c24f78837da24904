package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.io.Json;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CoBooMProviderTest {

    @Test
    void presetsAreRegisteredWithTheirTableRows() {
        MethodRegistry r = MethodRegistry.load();
        assertTrue(r.names().containsAll(List.of("coboom", "coboom-nodec", "coboom-nodf")), r.names().toString());
        assertEquals("Ours w/Dec.", r.provider("coboom").tableRow("coboom"));
        assertEquals("Ours w/o Dec.", r.provider("coboom-nodec").tableRow("coboom-nodec"));
        assertEquals("Ours w/o DF.", r.provider("coboom-nodf").tableRow("coboom-nodf"));
        // The variant's row names it so, and is not one of the paper's rows.
        assertEquals("Ours w/Dec. online VQ (variant)", r.provider("coboom-online").tableRow("coboom-online"));
    }

    @Test
    void presetDefaultsFollowThePaperAndDifferOnlyInTheAblatedParts() {
        CoBooMProvider p = new CoBooMProvider();
        CoBooMConfig full = (CoBooMConfig) p.defaults("coboom");
        assertEquals(1024, full.quantizer().size());
        assertEquals(0.25, full.quantizer().beta());
        assertEquals(0.5, full.alpha());
        assertEquals(0.5, full.gamma());
        assertEquals(8, full.diversiFuse().heads());
        assertEquals(3, full.projector().depth());
        assertEquals(256, full.projector().out());
        assertEquals(CoBooMConfig.Source.TARGET, full.quantize());
        assertEquals(CoBooMConfig.LossForm.PAPER, full.loss());
        assertEquals(QuantizerConfig.Update.LOSS, full.quantizer().update());
        assertFalse(full.stopGradFused());
        assertTrue(full.decoder().enabled() && full.diversiFuse().enabled());

        CoBooMConfig nodec = (CoBooMConfig) p.defaults("coboom-nodec");
        assertEquals(0.0, nodec.gamma());
        assertFalse(nodec.decoder().enabled());
        assertTrue(nodec.diversiFuse().enabled());
        assertEquals(full.withoutDecoder(), nodec);

        CoBooMConfig nodf = (CoBooMConfig) p.defaults("coboom-nodf");
        assertFalse(nodf.decoder().enabled() || nodf.diversiFuse().enabled());
        assertEquals(nodec.withoutDiversiFuse(), nodf);

        CoBooMConfig online = (CoBooMConfig) p.defaults("coboom-online");
        assertEquals(CoBooMConfig.Source.ONLINE, online.quantize());
        assertEquals(full.quantizing(CoBooMConfig.Source.ONLINE), online);
    }

    @Test
    void paramsOverrideFieldByFieldAndRejectUnknownOrInvalidValues() throws IOException {
        MethodRegistry r = MethodRegistry.load();
        CoBooMConfig c = (CoBooMConfig) r.resolveConfig("coboom-nodec", Json.YAML.readTree(
                "quantizer: {update: ema, distance: cosine}\nquantize: online\nloss: official\n"));
        assertEquals(QuantizerConfig.Update.EMA, c.quantizer().update());
        assertEquals(QuantizerConfig.Distance.COSINE, c.quantizer().distance());
        assertEquals(1024, c.quantizer().size());
        assertEquals(CoBooMConfig.Source.ONLINE, c.quantize());
        assertEquals(CoBooMConfig.LossForm.OFFICIAL, c.loss());

        UserError unknown = assertThrows(UserError.class, () -> r.resolveConfig("coboom", Json.YAML.readTree("beta: 0.3\n")));
        assertTrue(unknown.getMessage().contains("'beta'"), unknown.getMessage());
        UserError badEnum = assertThrows(UserError.class, () -> r.resolveConfig("coboom",
                Json.YAML.readTree("quantize: both\n")));
        assertTrue(badEnum.getMessage().contains("both"), badEnum.getMessage());
        UserError gammaWithoutDecoder = assertThrows(UserError.class, () -> r.resolveConfig("coboom-nodec",
                Json.YAML.readTree("gamma: 0.5\n")));
        assertTrue(gammaWithoutDecoder.getMessage().contains("decoder"), gammaWithoutDecoder.getMessage());
    }

    @Test
    void resolvedConfigWritesSwitchesAsTheirYamlNames() throws IOException {
        String yaml = Json.YAML.writeValueAsString(new CoBooMProvider().defaults("coboom"));
        for (String s : List.of("quantize: \"target\"", "loss: \"paper\"", "update: \"loss\"", "distance: \"euclidean\"",
                "init: \"data\"", "upsample: \"nearest\"", "stopGradFused: false")) {
            assertTrue(yaml.contains(s), s + " not in\n" + yaml);
        }
    }

    @Test
    void everyCoBooMYamlUnderConfigsLoadsAndResolves() throws IOException {
        MethodRegistry r = MethodRegistry.load();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("..", "configs"))) {
            files = s.filter(f -> f.getFileName().toString().matches("coboom.*\\.yaml")).sorted().toList();
        }
        // paper and cpu scale for each of the three presets and the online variant
        assertEquals(8, files.size(), files.toString());
        for (Path f : files) {
            RunConfig rc = RunConfig.load(f);
            String preset = f.getFileName().toString().replace(".yaml", "");
            assertEquals(preset, rc.method(), f.toString());
            CoBooMConfig c = (CoBooMConfig) r.resolveConfig(rc.method(), rc.params());
            assertEquals(new CoBooMProvider().defaults(preset).getClass(), c.getClass());
            assertEquals(!preset.equals("coboom-nodf"), c.diversiFuse().enabled(), f.toString());
            assertEquals(preset.equals("coboom") || preset.equals("coboom-online"), c.decoder().enabled(), f.toString());
            assertEquals(0, rc.encoder().featureChannels() % c.diversiFuse().heads(), f.toString());
        }
    }
}
