export declare const PAGE_NUMBER: string;
export declare const listRewrites: {
  source: string;
  destination: string;
  has?: { type: "query"; key: string; value?: string }[];
}[];
