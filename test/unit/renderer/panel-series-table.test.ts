// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { PanelSeriesRow } from '../../../electron/api/requests/panel'
import { i18n } from '../../../renderer/src/i18n'
import SeriesTable from '../../../renderer/src/screens/panel/SeriesTable.vue'

const rows: PanelSeriesRow[] = Array.from({ length: 10_000 }, (_, index) => ({
  index,
  key: [`S${index}`],
  length: 100,
  missing: index % 3,
  smape: (index * 7919) % 200,
  mase: 1,
  bestBaseline: 'naive2',
  baselineSmape: 50,
  baselineMase: 1,
  spark: [1, 2, 3],
}))

function table() {
  return mount(SeriesTable, { props: { rows }, global: { plugins: [i18n] } })
}

const shownKeys = (wrapper: ReturnType<typeof table>) =>
  wrapper.findAll('[data-testid^="panel-row-"]').map((row) => row.attributes('data-testid')!.slice(10))

describe('the series table of 10,000 series', () => {
  it('renders only the rows in view, with spacers standing for the rest', () => {
    const wrapper = table()
    const shown = shownKeys(wrapper)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(40)
    expect(shown[0]).toBe('S0')
    expect(wrapper.find('[data-testid="panel-count"]').text()).toContain('10,000 of 10,000')
  })

  it('searches, sorts and tells which series was clicked', async () => {
    const wrapper = table()
    await wrapper.find('[data-testid="panel-search"]').setValue('S999')
    // S999 and S9990…S9999.
    expect(wrapper.find('[data-testid="panel-count"]').text()).toContain('11 of 10,000')
    await wrapper.find('[data-testid="panel-sort-smape"]').trigger('click')
    await wrapper.find('[data-testid="panel-sort-smape"]').trigger('click')
    const keys = shownKeys(wrapper)
    const smape = (key: string) => rows[Number(key.slice(1))]!.smape!
    expect(keys.map(smape)).toEqual([...keys.map(smape)].sort((a, b) => b - a))
    await wrapper.find(`[data-testid="panel-row-${keys[0]}"]`).trigger('click')
    expect(wrapper.emitted('open')).toEqual([[Number(keys[0]!.slice(1))]])
  })
})
