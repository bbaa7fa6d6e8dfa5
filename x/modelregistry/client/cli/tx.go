// Package cli holds the hand-written commands of x/modelregistry: those that
// read a model artifact and a verifying key from files. autocli makes the rest.
package cli

import (
	"crypto/sha256"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
)

const (
	flagArtifact     = "artifact"
	flagVerifyingKey = "vk"
	flagDescription  = "description"
)

// NewTxCmd returns the tx command of the module, holding the file-reading
// commands; autocli adds the generated ones.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions of the model registry",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(newRegisterModelCmd(), newUpdateModelCmd())
	return cmd
}

func newRegisterModelCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register-model [name] [price] --artifact FILE [--vk FILE] --description TEXT",
		Short: "Register a model from its artifact; its key comes from a setup ceremony (or --vk where single-party keys are allowed)",
		Long: `Register a model. The input schema, output length and artifact hash are read from
the artifact; the chain checks them again and charges the registration fee (see 'hyrad query
modelregistry params'). Without --vk, version 1 is PENDING: it takes no tasks until its
multi-party setup (begin-setup, contribute-setup, finalize-setup) gives it a verifying key.
--vk uploads a key made alone (` + "`hyrad zk setup`" + `), which the chain accepts only when
params.allow_single_party_keys is true (tests and private devnets).`,
		Example: "hyrad tx modelregistry register-model digits 1000000uhyra --artifact zk/models/digits/artifact.json " +
			"--description \"8x8 digit classifier\" --from owner",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			price, err := sdk.ParseCoinNormalized(args[1])
			if err != nil {
				return fmt.Errorf("price %q: %w", args[1], err)
			}
			content, err := readContent(cmd)
			if err != nil {
				return err
			}
			description, _ := cmd.Flags().GetString(flagDescription)
			privatePrice, err := privatePriceFlag(cmd)
			if err != nil {
				return err
			}
			msg := &types.MsgRegisterModel{
				Owner:        clientCtx.GetFromAddress().String(),
				Name:         args[0],
				Description:  description,
				Price:        price,
				ProofSystem:  types.PROOF_SYSTEM_GROTH16,
				VerifyingKey: content.verifyingKey,
				Artifact:     content.artifact,
				ArtifactHash: content.artifactHash,
				InputSchema:  content.schema,
				OutputLength: content.outputLength,
				PrivatePrice: privatePrice,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addContentFlags(cmd)
	cmd.Flags().String(flagPrivatePrice, "", "minimum reward of a private task (a private-capable artifact only); none: no private tasks")
	cmd.Flags().String(flagDescription, "", "what the model does (required)")
	_ = cmd.MarkFlagRequired(flagDescription)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func newUpdateModelCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "update-model [id] --artifact FILE [--vk FILE]",
		Short:   "Register the next version of a model (owner only); without --vk it is PENDING and new tasks keep the current version until its setup is finalized",
		Example: "hyrad tx modelregistry update-model 1 --artifact new.json --from owner",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			var id uint64
			if _, err := fmt.Sscan(args[0], &id); err != nil {
				return fmt.Errorf("model id %q: %w", args[0], err)
			}
			content, err := readContent(cmd)
			if err != nil {
				return err
			}
			msg := &types.MsgUpdateModel{
				Owner:        clientCtx.GetFromAddress().String(),
				Id:           id,
				ProofSystem:  types.PROOF_SYSTEM_GROTH16,
				VerifyingKey: content.verifyingKey,
				Artifact:     content.artifact,
				ArtifactHash: content.artifactHash,
				InputSchema:  content.schema,
				OutputLength: content.outputLength,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addContentFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func addContentFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagArtifact, "", "model artifact file (zk/artifact format)")
	cmd.Flags().String(flagVerifyingKey, "", "single-party Groth16 verifying key written by `hyrad zk setup` "+
		"(only where params.allow_single_party_keys is true; omit it to set the key up by a ceremony)")
	_ = cmd.MarkFlagRequired(flagArtifact)
}

// content is a model version as read from files, with what the chain wants
// declared (hash, schema) derived from the artifact itself.
type content struct {
	verifyingKey []byte
	artifact     []byte
	artifactHash []byte
	schema       types.InputSchema
	outputLength uint32
}

func readContent(cmd *cobra.Command) (content, error) {
	artifactPath, _ := cmd.Flags().GetString(flagArtifact)
	vkPath, _ := cmd.Flags().GetString(flagVerifyingKey)
	raw, err := os.ReadFile(artifactPath)
	if err != nil {
		return content{}, err
	}
	a, err := artifact.Parse(raw)
	if err != nil {
		return content{}, fmt.Errorf("artifact %s: %w", artifactPath, err)
	}
	var vk []byte
	if vkPath != "" {
		if vk, err = os.ReadFile(vkPath); err != nil {
			return content{}, err
		}
	}
	hash := sha256.Sum256(raw)
	return content{
		verifyingKey: vk,
		artifact:     raw,
		artifactHash: hash[:],
		schema: types.InputSchema{
			Length:   uint32(a.Input.Length), //nolint:gosec // G115: artifact lengths are checked non-negative and small by artifact.Parse
			MinValue: a.Input.Min,
			MaxValue: a.Input.Max,
		},
		outputLength: uint32(a.Output.Length), //nolint:gosec // G115: artifact lengths are checked non-negative and small by artifact.Parse
	}, nil
}

const flagPrivatePrice = "private-price"

// privatePriceFlag reads --private-price: unset means no private tasks.
func privatePriceFlag(cmd *cobra.Command) (sdk.Coin, error) {
	v, _ := cmd.Flags().GetString(flagPrivatePrice)
	if v == "" {
		return sdk.Coin{}, nil
	}
	c, err := sdk.ParseCoinNormalized(v)
	if err != nil {
		return sdk.Coin{}, fmt.Errorf("--%s %q: %w", flagPrivatePrice, v, err)
	}
	return c, nil
}
