/** Query keys of help: crisis lines by country (null: the server's guess). */
export const helpKeys = {
  help: (country: string | null) => ['help', country] as const,
};
