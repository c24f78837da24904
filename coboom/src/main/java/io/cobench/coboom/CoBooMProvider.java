package io.cobench.coboom;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/**
 * The three presets of the paper's tables: {@code coboom} ("Ours w/Dec."), {@code coboom-nodec}
 * ("Ours w/o Dec.", gamma 0) and {@code coboom-nodf} ("Ours w/o DF.", neither DiversiFuse nor decoder),
 * and one variant that is no row of the paper, {@code coboom-online}: the full model quantizing the
 * online map y_theta, so that the codebook branch trains the evaluated encoder directly. Its row
 * label says it is a variant, so that reports list it after the paper's rows and never beside them.
 */
public final class CoBooMProvider implements MethodProvider {
    /** The paper's codebook size; D follows the encoder's channels (512 for ResNet-18 at width 64). */
    static final int PAPER_CODES = 1024;
    /** Row label of the variant; "(variant)" marks it as no row of the paper's tables. */
    public static final String ONLINE_ROW = "Ours w/Dec. online VQ (variant)";

    @Override
    public List<String> names() {
        return List.of("coboom", "coboom-nodec", "coboom-nodf", "coboom-online");
    }

    @Override
    public String description(String name) {
        return switch (name) {
            case "coboom" -> "CoBooM: BYOL-style bootstrapping guided by a codebook, DiversiFuse and a decoder";
            case "coboom-nodec" -> "CoBooM without the decoder (gamma = 0)";
            case "coboom-nodf" -> "CoBooM without DiversiFuse and decoder: z' from the pooled quantized map";
            case "coboom-online" -> "CoBooM variant (not in the paper): quantizes the online map y_theta, not y_phi";
            default -> throw new IllegalArgumentException("not a CoBooM preset: " + name);
        };
    }

    @Override
    public Class<? extends Record> configType() {
        return CoBooMConfig.class;
    }

    @Override
    public Record defaults(String name) {
        CoBooMConfig paper = CoBooMConfig.paper(PAPER_CODES);
        return switch (name) {
            case "coboom" -> paper;
            case "coboom-nodec" -> paper.withoutDecoder();
            case "coboom-nodf" -> paper.withoutDecoder().withoutDiversiFuse();
            case "coboom-online" -> paper.quantizing(CoBooMConfig.Source.ONLINE);
            default -> throw new IllegalArgumentException("not a CoBooM preset: " + name);
        };
    }

    @Override
    public SslMethod create(String name, Record config) {
        defaults(name);
        return new CoBooM(name, (CoBooMConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return switch (name) {
            case "coboom" -> "Ours w/Dec.";
            case "coboom-nodec" -> "Ours w/o Dec.";
            case "coboom-nodf" -> "Ours w/o DF.";
            case "coboom-online" -> ONLINE_ROW;
            default -> null;
        };
    }
}
