package cli

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/onnx"
)

func newImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import --onnx MODEL.onnx --calibration DATA --out artifact.json",
		Short: "Quantize an ONNX model (torch.onnx.export, opset 13+) into a hyra-qnn/v2 artifact",
		Long: `Read an ONNX model, fold its constants and helper nodes, quantize it to integers with
activation scales from the calibration data, and write a hyra-qnn/v2 artifact. Prints the float
and quantized accuracy (or their argmax agreement when the data has no labels) on that data and
per-layer statistics. Nothing is written when the model cannot be imported.

DATA is IMAGES[,LABELS] in idx format as MNIST ships them (gzipped or not), or a CSV with one
sample per row in raw input units (e.g. pixels 0-255, row-major); its last column is the label
with --labels or when a header row names it "label".

The model's input normalisation, float = (raw * scale - mean) / std, comes from --preprocess
(a JSON file {"scale":..,"mean":..,"std":..} as the bundled training scripts write) or the
--input-* flags, and is folded into the first layer; the artifact takes raw inputs.

` + onnx.Supported + ".",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE:         runImport,
	}
	f := cmd.Flags()
	f.String("onnx", "", "ONNX model file")
	f.String("calibration", "", "calibration data: IMAGES.idx[,LABELS.idx] or a CSV file")
	f.Bool("labels", false, "the calibration CSV's last column is the label")
	f.Int("calibration-limit", 0, "use only the first N calibration samples (0: all)")
	f.String("out", "", "artifact file to write")
	f.String("name", "", "artifact name (default: the output file's folder name)")
	f.String("description", "", "artifact description")
	f.String("classes", "", `output labels, comma separated (e.g. "0,1,2,3,4,5,6,7,8,9")`)
	f.String("preprocess", "", "preprocessing JSON (scale, mean, std, min, max)")
	f.Float64("input-scale", 1, "float input = (raw * scale - mean) / std")
	f.Float64Slice("input-mean", nil, "input mean, one value or one per channel")
	f.Float64Slice("input-std", nil, "input std, one value or one per channel")
	f.Int64("input-min", 0, "smallest raw input value the artifact accepts")
	f.Int64("input-max", 255, "largest raw input value the artifact accepts")
	f.Int("weight-bits", onnx.DefaultOptions.WeightBits, "bits of the integer weights (per-layer scale)")
	f.Int("activation-bits", onnx.DefaultOptions.ActivationBits, "bits an activation's calibration range maps to")
	f.Int("multiplier-bits", onnx.DefaultOptions.MultiplierBits, "bits of the requant multipliers")
	for _, r := range []string{"onnx", "calibration", "out"} {
		_ = cmd.MarkFlagRequired(r)
	}
	return cmd
}

func runImport(cmd *cobra.Command, _ []string) error {
	QuietGnark()
	f := cmd.Flags()
	modelPath, _ := f.GetString("onnx")
	out, _ := f.GetString("out")
	cfg, err := importConfig(cmd, out)
	if err != nil {
		return err
	}
	model, err := os.ReadFile(modelPath)
	if err != nil {
		return err
	}
	calib, _ := f.GetString("calibration")
	labels, _ := f.GetBool("labels")
	limit, _ := f.GetInt("calibration-limit")
	data, err := onnx.ReadDataset(calib, labels, limit)
	if err != nil {
		return err
	}
	res, err := onnx.Import(model, data, cfg)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	res.Print(w)
	if err := printCircuitFigures(w, res.Artifact); err != nil {
		return err
	}
	if err := writeAtomic(out, res.Bytes); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s: %d bytes, model hash (sha256) %x\n", out, len(res.Bytes), sha256.Sum256(res.Bytes))
	return nil
}

var nameChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func importConfig(cmd *cobra.Command, out string) (onnx.Config, error) {
	f := cmd.Flags()
	cfg := onnx.Config{Pre: onnx.DefaultPreprocess()}
	if p, _ := f.GetString("preprocess"); p != "" {
		var err error
		if cfg.Pre, err = onnx.ReadPreprocess(p); err != nil {
			return cfg, err
		}
	}
	if f.Changed("input-scale") {
		cfg.Pre.Scale, _ = f.GetFloat64("input-scale")
	}
	if f.Changed("input-mean") {
		cfg.Pre.Mean, _ = f.GetFloat64Slice("input-mean")
	}
	if f.Changed("input-std") {
		cfg.Pre.Std, _ = f.GetFloat64Slice("input-std")
	}
	if f.Changed("input-min") {
		cfg.Pre.Min, _ = f.GetInt64("input-min")
	}
	if f.Changed("input-max") {
		cfg.Pre.Max, _ = f.GetInt64("input-max")
	}
	cfg.Name, _ = f.GetString("name")
	if cfg.Name == "" {
		abs, _ := filepath.Abs(out)
		cfg.Name = strings.Trim(nameChars.ReplaceAllString(filepath.Base(filepath.Dir(abs)), "-"), "-")
		if len(cfg.Name) > 64 || cfg.Name == "" {
			return cfg, fmt.Errorf("no artifact name: pass --name")
		}
	}
	cfg.Description, _ = f.GetString("description")
	if c, _ := f.GetString("classes"); c != "" {
		cfg.Classes = strings.Split(c, ",")
	}
	cfg.Options.WeightBits, _ = f.GetInt("weight-bits")
	cfg.Options.ActivationBits, _ = f.GetInt("activation-bits")
	cfg.Options.MultiplierBits, _ = f.GetInt("multiplier-bits")
	return cfg, nil
}

// writeAtomic writes the file (creating its folder) through a temporary file in the same folder,
// so a failed write leaves no partial artifact.
func writeAtomic(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".import-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		_ = tmp.Close() // the write error is the one to report
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
