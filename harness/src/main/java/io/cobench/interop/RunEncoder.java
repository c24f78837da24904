package io.cobench.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.data.pipeline.Normalization;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.Json;
import io.cobench.train.EncoderExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder of a finished pretraining run: its architecture (config.yaml's {@code encoder}
 * section), its weights (the exported encoder file, named {@code encoder/...}) and the
 * normalisation its images went through (provenance.json's {@code data.normalization}).
 *
 * @param source the file the weights came from, for messages
 */
public record RunEncoder(Path runDir, ResNetConfig config, Map<String, INDArray> weights, Normalization normalization,
                         Path source) {

    /** Reads the run in {@code dir}; anything missing or malformed is a {@link UserError} naming the file. */
    public static RunEncoder load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("run directory " + dir + " does not exist");
        }
        ResNetConfig cfg = config(dir.resolve("config.yaml"));
        Normalization norm = normalization(dir.resolve("provenance.json"));
        // encoder.npz is read first so that runs written once the encoder moves to .npz work unchanged.
        Path npz = dir.resolve("encoder.npz");
        Path sd = dir.resolve("encoder.sd");
        Map<String, INDArray> weights;
        Path source;
        if (Files.isRegularFile(npz)) {
            weights = Npz.read(npz);
            source = npz;
        } else if (Files.isRegularFile(sd)) {
            try {
                weights = EncoderExport.read(sd);
            } catch (RuntimeException e) {
                throw new UserError("cannot read encoder file " + sd + ": " + e.getMessage(), e);
            }
            source = sd;
        } else {
            throw new UserError("run " + dir + " has no exported encoder (encoder.sd); is the run finished? "
                    + "(a run writes it, then DONE, after its last step)");
        }
        return new RunEncoder(dir, cfg, weights, norm, source);
    }

    static ResNetConfig config(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("run config " + file + " does not exist (is this a pretraining run directory?)");
        }
        try {
            JsonNode enc = Json.YAML.readTree(file.toFile()).get("encoder");
            if (enc == null || !enc.isObject()) {
                throw new UserError(file + ": no 'encoder' section");
            }
            return Json.JSON.treeToValue(enc, ResNetConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable r = e;
            while (r.getCause() != null) {
                r = r.getCause();
            }
            throw new UserError(file + ": bad encoder section: " + r.getMessage(), e);
        }
    }

    static Normalization normalization(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("run provenance " + file + " does not exist (is this a pretraining run directory?)");
        }
        JsonNode n;
        try {
            n = Json.JSON.readTree(file.toFile()).path("data").path("normalization");
        } catch (IOException e) {
            throw new UserError("cannot parse " + file + ": " + e.getMessage(), e);
        }
        JsonNode mean = n.path("mean");
        JsonNode std = n.path("std");
        if (!mean.isArray() || !std.isArray() || mean.size() == 0 || mean.size() != std.size()) {
            throw new UserError(file + ": data.normalization needs equal-length 'mean' and 'std' lists");
        }
        double[] m = new double[mean.size()];
        double[] s = new double[std.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean.get(i).asDouble();
            s[i] = std.get(i).asDouble();
            if (!(s[i] > 0)) {
                throw new UserError(file + ": data.normalization.std[" + i + "] must be positive, got " + std.get(i));
            }
        }
        return new Normalization(m, s);
    }
}
