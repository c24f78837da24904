package io.cobench.interop;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench export}: a run's encoder as a torchvision state_dict in .npz. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
            "Write a finished run's encoder as a PyTorch state_dict in .npz: float32 arrays named as "
                + "torchvision.models.resnet18 (resnet34 for depth 34) names them, convolutions as [out, in, kH, kW]. "
                + "docs/interop.md shows how to load it.",
            "",
            "Architecture (torchvision's): stem conv 7x7 stride 2 pad 3 without bias, BN, ReLU, max-pool 3x3 "
                + "stride 2 pad 1; layer1..layer4 of BasicBlocks (conv3x3-BN-ReLU-conv3x3-BN, add, ReLU) with w, 2w, "
                + "4w, 8w channels (torchvision: w = 64), stride 2 and a 1x1-conv+BN shortcut (downsample.0/.1) in "
                + "the first block of layer2..4; global average pool to 8w features. There is no fc: set "
                + "model.fc = torch.nn.Identity() before load_state_dict(strict=True).",
            "",
            "Batch norm: eps 1e-5, momentum 0.1 as in PyTorch, but running_var averages the biased batch "
                + "variance (PyTorch's the unbiased one). num_batches_tracked is not written: load_state_dict "
                + "fills it with 0, and PyTorch reads it only when momentum=None.",
            "",
            "Input: the run's channels and image size (config.yaml, encoder section), normalised as "
                + "provenance.json's data.normalization says ((v/255 - mean) / std; [-1, 1] for the phantom "
                + "runs). For 1 input channel or w != 64 see docs/interop.md."})
public final class ExportCommand implements CobenchCommand {
    @Option(names = "--run", required = true, description = "A finished pretraining run directory (holds encoder.sd).")
    Path run;
    @Option(names = "--out", required = true, description = "The .npz file to write.")
    Path out;

    @Override
    public String path() {
        return "export";
    }

    @Override
    public Integer call() {
        if (!out.getFileName().toString().endsWith(".npz")) {
            throw new UserError("--out " + out + ": the export is an .npz file; name it *.npz");
        }
        Engine.start(null);
        RunEncoder enc = RunEncoder.load(run);
        ResNetConfig c = enc.config();
        Map<String, INDArray> torch = TorchNames.toTorch(enc.weights(), c, enc.source().toString());
        Npz.write(out, torch);
        long params = torch.values().stream().mapToLong(INDArray::length).sum();
        System.out.println("wrote " + out + ": resnet" + c.depth() + ", width " + c.width() + ", " + c.channels()
                + " input channel(s), " + c.imageSize() + " px, " + torch.size() + " arrays, " + params
                + " values (torchvision names, float32)");
        return 0;
    }
}
