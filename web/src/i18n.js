// UI strings, Chinese first; English on the switch. Data names come from the API (name / name_en).
const S = {
  app_title: ['产业链招商图谱', 'Industry-chain investment map'],
  region: ['地区', 'Region'],
  chain: ['产业链', 'Chain'],
  view_chain: ['产业链图谱', 'Chain map'],
  view_map: ['招商地图', 'Sourcing map'],
  view_targets: ['目标企业库', 'Target firms'],
  view_whatif: ['情景推演', 'What-if'],
  footer: ['数据与算法：chaingap · 演示数据为合成数据，勿作结论', 'Data and methods: chaingap · the demo data is synthetic, draw no conclusions'],
  licences: ['第三方许可', 'Third-party licences'],
  loading: ['加载中…', 'Loading…'],
  error: ['出错', 'Error'],
  missing: ['缺链', 'Missing'],
  single_point: ['断链风险', 'Single point'],
  weak: ['弱链', 'Weak'],
  strong: ['强链', 'Strong'],
  no_data: ['数据未覆盖', 'No data'],
  absent_everywhere: ['数据未覆盖', 'No data'],
  not_listed: ['未列出', 'Not listed'],
  upstream: ['上游', 'Upstream'],
  midstream: ['中游', 'Midstream'],
  downstream: ['下游', 'Downstream'],
  legend_size: ['圆点大小 = 环节重要度', 'Dot size = link importance'],
  click_hint: ['点击环节查看本地企业与目标企业', 'Click a link for local firms and targets'],
  summary: ['{region} · {chain}：缺链 {missing}，断链风险 {single_point}，弱链 {weak}，强链 {strong}；本地企业 {local} 家',
    '{region} · {chain}: {missing} missing, {single_point} single-point, {weak} weak, {strong} strong; {local} local firms'],
  status: ['状态', 'Status'],
  gap_score: ['缺口分', 'Gap score'],
  importance: ['重要度', 'Importance'],
  local_count: ['本地企业数', 'Local firms'],
  national_count: ['全国企业数', 'Firms nationwide'],
  local_share: ['本地产能占比', 'Local capacity share'],
  benchmark: ['基准占比', 'Benchmark share'],
  rca: ['显示性比较优势 RCA', 'RCA'],
  downstream_links: ['下游依赖环节', 'Downstream links'],
  reason: ['说明', 'Why'],
  local_firms: ['本地企业', 'Local firms'],
  local_firms_none: ['本地无企业', 'No local firm'],
  local_firms_na: ['本地企业明细暂未提供（本地 {n} 家）', 'Local firm list not provided ({n} local)'],
  local_from_targets: ['目标企业库中该缺口环节的本地企业（育新扶小、增资扩产）：', 'Local firms the target list ranks at this gap link (to grow):'],
  top_targets: ['目标企业（按得分）', 'Top targets (by score)'],
  no_targets: ['该环节无候选目标企业', 'No candidate firm for this link'],
  on_map: ['在招商地图中查看', 'Show on sourcing map'],
  add_whatif: ['加入推演', 'Add to what-if'],
  added: ['已加入', 'Added'],
  close: ['关闭', 'Close'],
  score: ['得分', 'Score'],
  rank: ['排名', 'Rank'],
  firm: ['企业', 'Firm'],
  links: ['环节', 'Links'],
  labels: ['标签', 'Labels'],
  revenue: ['营收', 'Revenue'],
  gap_closed: ['单独补缺', 'Gap closed alone'],
  map_title: ['{node}：各省产能占比', '{node}: capacity share by province'],
  map_pick_link: ['环节', 'Link'],
  map_groups: ['重点招商区域', 'Source-region groups'],
  map_group_total: ['{group}合计：企业 {count} 家，产能占比 {share}', '{group} total: {count} firms, {share} of capacity'],
  map_level: ['层级', 'Level'],
  level_0: ['省级', 'Province'],
  level_1: ['地市级', 'City'],
  level_2: ['区县级', 'District'],
  map_note: ['示意图：每格一个省级行政区，按大致地理方位排列，非地图；虚线框为所选地区，橙框为所选重点区域。', 'Tile grid: one tile per province placed by rough geography, not a map; dashed = the chosen region, orange = selected groups.'],
  map_targets: ['该环节目标企业（橙色 = 所选区域）', 'Targets at this link (orange = selected groups)'],
  group_jingjinji: ['京津冀', 'Beijing-Tianjin-Hebei'],
  group_yangtze_delta: ['长三角', 'Yangtze River Delta'],
  group_gba: ['粤港澳大湾区', 'Greater Bay Area'],
  group_us_eu_jp_kr: ['欧美日韩', 'US, EU, Japan, Korea'],
  map_no_data: ['无企业', 'no firm'],
  share: ['产能占比', 'Capacity share'],
  count: ['企业数', 'Firms'],
  regions_ranked: ['地区排名', 'Regions ranked'],
  to_targets_from: ['按所选区域筛选目标企业', 'Targets from the selected groups'],
  weights: ['排序权重（实时重排）', 'Ranking weights (live re-rank)'],
  reset: ['恢复默认', 'Reset'],
  top_k: ['显示条数', 'Rows'],
  include_local: ['含本地企业（育新扶小）', 'Include local firms'],
  from_regions: ['来源区域加分', 'Source regions'],
  filter: ['筛选企业名/标签/地区', 'Filter name / label / region'],
  portfolio: ['组合', 'Portfolio'],
  portfolio_k: ['组合规模 K', 'Portfolio size K'],
  portfolio_run: ['计算组合', 'Build portfolio'],
  portfolio_res: ['贪心组合补缺 {g}，按得分前 K 补缺 {t}（总缺口 {b}）', 'Greedy portfolio closes {g}, plain top-K closes {t} (total gap {b})'],
  download_xlsx: ['下载 Excel', 'Download Excel'],
  candidates: ['候选 {n} 家，显示 {s} 家', '{n} candidates, {s} shown'],
  w_gap_fill: ['补缺', 'Gap fill'],
  w_strength: ['环节实力', 'Strength'],
  w_downstream_demand: ['本地下游需求', 'Local demand'],
  w_quality: ['企业资质', 'Tiers'],
  w_size: ['规模', 'Size'],
  w_relatedness: ['与本地关联', 'Relatedness'],
  w_source_region: ['来源区域', 'Source region'],
  local_section: ['本地企业（育新扶小、增资扩产）', 'Local firms to grow'],
  whatif_pick: ['选择拟引进企业', 'Pick firms to attract'],
  whatif_hint: ['从下表勾选，或在产业链图谱中点“加入推演”。', 'Tick firms below, or use “Add to what-if” in the chain map.'],
  whatif_run: ['推演', 'Run'],
  whatif_clear: ['清空', 'Clear'],
  whatif_before: ['引进前', 'Before'],
  whatif_after: ['引进后', 'After'],
  whatif_total: ['总缺口 {b} → {a}', 'Total gap {b} → {a}'],
  whatif_changes: ['环节变化（图中蓝框）', 'Changed links (blue outline in the maps)'],
  whatif_none: ['尚未选择企业', 'No firm picked yet'],
  whatif_nochange: ['无环节状态变化', 'No link changes status'],
  selected: ['已选', 'Picked'],
  firm_detail: ['企业详情', 'Firm'],
  weight: ['权重', 'Weight'],
  components: ['得分构成', 'Score components'],
};

let lang = 'zh';
export function setLang(l) { lang = l === 'en' ? 'en' : 'zh'; document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'; }
export function getLang() { return lang; }
export function t(key, vars) {
  const e = S[key];
  let s = e ? e[lang === 'en' ? 1 : 0] : key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  return s;
}
// A data object's display name: name_en in English when present, else name (or the id).
export function nm(o, fallback) {
  if (!o) return fallback ?? '';
  if (lang === 'en' && o.name_en) return o.name_en;
  return o.name || o.node_name || o.region_name || fallback || o.id || o.node || '';
}
// A source-region group's label: our translation when we have one, else the server's name.
export function groupName(g) {
  const k = 'group_' + g.id;
  return S[k] ? t(k) : g.name || g.id;
}
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.title = t('app_title') + ' · chaingap';
}
