/**
 * The public series bundled in `resources/samples/` (exported from R's `datasets` and
 * `forecast` packages; see resources/samples/README.md for sources and credits).
 */
export interface SampleEntry {
  id: string
  file: string
  title: string
  description: string
  source: string
}

export const sampleCatalog: SampleEntry[] = [
  {
    id: 'AirPassengers',
    file: 'AirPassengers.csv',
    title: 'Air passengers',
    description: 'Monthly international airline passengers (thousands), 1949–1960.',
    source: 'R datasets::AirPassengers (Box & Jenkins)',
  },
  {
    id: 'UKDriverDeaths',
    file: 'UKDriverDeaths.csv',
    title: 'UK driver deaths',
    description: 'Monthly UK car drivers killed or seriously injured, 1969–1984.',
    source: 'R datasets::UKDriverDeaths (Harvey & Durbin)',
  },
  {
    id: 'Seatbelts',
    file: 'Seatbelts.csv',
    title: 'UK road casualties with covariates',
    description: 'Monthly casualties with distance driven, petrol price and the 1983 seat-belt law.',
    source: 'R datasets::Seatbelts (Harvey & Durbin)',
  },
  {
    id: 'wineind',
    file: 'wineind.csv',
    title: 'Australian wine sales',
    description: 'Monthly wine sales by Australian winemakers (litres), 1980–1994.',
    source: 'R forecast::wineind (Australian Bureau of Statistics)',
  },
  {
    id: 'JohnsonJohnson',
    file: 'JohnsonJohnson.csv',
    title: 'Johnson & Johnson earnings',
    description: 'Quarterly earnings per share, 1960–1980.',
    source: 'R datasets::JohnsonJohnson (Shumway & Stoffer)',
  },
  {
    id: 'Nile',
    file: 'Nile.csv',
    title: 'Nile river flow',
    description: 'Annual flow of the Nile at Aswan, 1871–1970.',
    source: 'R datasets::Nile (Cobb 1978)',
  },
  {
    id: 'taylor',
    file: 'taylor.csv',
    title: 'Electricity demand',
    description: 'Half-hourly electricity demand in England and Wales, June–August 2000.',
    source: 'R forecast::taylor (Taylor 2003)',
  },
]
