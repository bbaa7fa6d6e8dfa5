// Builds the transaction of the "try it" form: a MsgRouteTask (the chain's
// generated type, from @hyra/client) in a Cosmos transaction encoded by
// cosmjs-types (the types CosmJS itself uses), signed by a browser wallet in
// SIGN_MODE_DIRECT. Not @cosmjs/proto-signing's makeAuthInfoBytes: that
// package is CommonJS and its index brings CosmJS's wallets and crypto into
// the bundle (358 kB instead of the dashboard's 28 kB).
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { AuthInfo, TxBody, TxRaw, type SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { MsgRouteTask } from "@hyra/client/gen/hyra/router/v1/tx";
import type { VectorEncoding } from "@hyra/client/vector";
import type { Coin } from "./api";

// routeTaskBody is the TxBody of one MsgRouteTask; input is in encoding.
export function routeTaskBody(creator: string, modelId: string, input: Uint8Array, encoding: VectorEncoding, reward: Coin, deadline: Date): Uint8Array {
  const msg = MsgRouteTask.fromPartial({ creator, modelId: BigInt(modelId), input, inputEncoding: encoding, reward, deadline });
  return TxBody.encode(TxBody.fromPartial({
    messages: [{ typeUrl: "/hyra.router.v1.MsgRouteTask", value: MsgRouteTask.encode(msg).finish() }],
  })).finish();
}

// authInfo: one secp256k1 signer (pubKey compressed) in SIGN_MODE_DIRECT, and the fee.
export function authInfo(pubKey: Uint8Array, sequence: string, fee: Coin[], gas: number): Uint8Array {
  return AuthInfo.encode(AuthInfo.fromPartial({
    signerInfos: [{
      publicKey: { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: PubKey.encode({ key: pubKey }).finish() },
      modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
      sequence: BigInt(sequence),
    }],
    fee: { amount: fee, gasLimit: BigInt(gas) },
  })).finish();
}

// signDoc is what the wallet signs in SIGN_MODE_DIRECT.
export function signDoc(bodyBytes: Uint8Array, authInfoBytes: Uint8Array, chainId: string, accountNumber: string): SignDoc {
  return { bodyBytes, authInfoBytes, chainId, accountNumber: BigInt(accountNumber) };
}

export function txRaw(bodyBytes: Uint8Array, authInfoBytes: Uint8Array, signatures: Uint8Array[]): Uint8Array {
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures }).finish();
}
