// The browser wallet: Keplr's injected API (window.keplr), or any wallet
// that offers the same calls. Only what the "try it" form uses.
export interface Keplr {
  experimentalSuggestChain?(info: unknown): Promise<void>;
  enable(chainId: string): Promise<void>;
  getKey(chainId: string): Promise<{ bech32Address: string; pubKey: Uint8Array; name?: string }>;
  signDirect(chainId: string, signer: string, doc: {
    bodyBytes: Uint8Array; authInfoBytes: Uint8Array; chainId: string; accountNumber: { toString(): string };
  }): Promise<{ signed: { bodyBytes: Uint8Array; authInfoBytes: Uint8Array }; signature: { signature: string } }>;
}

export const wallet = (): Keplr | undefined => (window as unknown as { keplr?: Keplr }).keplr;

// chainInfo describes this chain to Keplr's experimentalSuggestChain. The
// REST endpoint is the node serving this page; Keplr also wants an RPC
// endpoint, taken as this host's CometBFT default port.
export function chainInfo(chainId: string, rpcPort = 26657): unknown {
  const currency = { coinDenom: "HYRA", coinMinimalDenom: "uhyra", coinDecimals: 6 };
  return {
    chainId,
    chainName: `Hyra (${chainId})`,
    rpc: `${location.protocol}//${location.hostname}:${rpcPort}`,
    rest: location.origin,
    bip44: { coinType: 118 },
    bech32Config: {
      bech32PrefixAccAddr: "hyra", bech32PrefixAccPub: "hyrapub",
      bech32PrefixValAddr: "hyravaloper", bech32PrefixValPub: "hyravaloperpub",
      bech32PrefixConsAddr: "hyravalcons", bech32PrefixConsPub: "hyravalconspub",
    },
    currencies: [currency],
    feeCurrencies: [{ ...currency, gasPriceStep: { low: 0, average: 0, high: 0.025 } }],
    stakeCurrency: currency,
  };
}
