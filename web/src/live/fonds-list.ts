// Sorting and filtering the fonds table: schema/fonds-list.ts, which the province feed's cards use too.
export * from "../../../schema/fonds-list";
