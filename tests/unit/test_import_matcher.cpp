// The firm → link matcher (chaingap/import/matcher.hpp): the text rule (head terms, acronyms on
// token boundaries), node rules (exclude, industries, exclude_industries, inheritance, aliases),
// shares, specificity and evidence on a hand-made catalogue; then every error class of issue 9 on
// the shipped catalogue.
#include <catch2/catch.hpp>

#include <algorithm>

#include "chaingap/core/error.hpp"
#include "chaingap/import/matcher.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using chaingap::test::TempDir;

namespace {

FirmEvidence firm(std::vector<std::string> industries, std::vector<std::pair<std::string, double>> products) {
    FirmEvidence f;
    f.industries = std::move(industries);
    for (auto& [t, s] : products) f.products.push_back({t, s});
    return f;
}

// "chain/node" of every match.
std::vector<std::string> links(const Dataset& cat, const std::vector<LinkMatch>& ms) {
    std::vector<std::string> out;
    for (const LinkMatch& m : ms) out.push_back(cat.chains[cat.nodes[m.node].chain].id + "/" + cat.nodes[m.node].id);
    return out;
}
bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("matcher text rule: head terms and acronyms on token boundaries", "[import][matcher]") {
    // Chinese terms are the head of a segment, optionally followed by generic tails.
    CHECK(Matcher::term_matches("等离子刻蚀设备", "刻蚀设备"));
    CHECK(Matcher::term_matches("刻蚀设备业务收入", "刻蚀设备"));
    CHECK_FALSE(Matcher::term_matches("刻蚀设备零部件", "刻蚀设备"));
    CHECK(Matcher::term_matches("汽车制造", "汽车"));
    CHECK_FALSE(Matcher::term_matches("非汽车用发动机", "汽车"));
    CHECK_FALSE(Matcher::term_matches("汽车零部件", "汽车"));
    CHECK_FALSE(Matcher::term_matches("非汽车", "汽车"));  // negated head
    // segments split at separators: each side is judged alone
    CHECK(Matcher::term_matches("触摸屏及触控显示模组", "显示模组"));
    CHECK(Matcher::term_matches("led芯片-绿光", "led芯片"));
    CHECK_FALSE(Matcher::term_matches("显示和传感器件业务", "传感器"));
    // acronyms: no ASCII letter on either side
    CHECK_FALSE(Matcher::term_matches("cmos图像传感器", "cmo"));
    CHECK(Matcher::term_matches("cmo业务", "cmo"));
    CHECK_FALSE(Matcher::term_matches("cdmo业务", "cmo"));
    CHECK_FALSE(Matcher::term_matches("fpc线路板", "pc"));
    CHECK_FALSE(Matcher::term_matches("pcb样板", "pc"));
    CHECK(Matcher::term_matches("pc材料", "pc"));
    CHECK(Matcher::term_matches("mosfet类芯片", "mosfet"));
    // mixed terms starting with a letter need a boundary on the left
    CHECK_FALSE(Matcher::term_matches("pecvd设备", "cvd设备"));
    CHECK(Matcher::term_matches("cvd设备", "cvd设备"));
    CHECK(Matcher::segments("a、b（c）及d以及e").size() == 5);
}

TEST_CASE("matcher rules: exclude, industries, inheritance, aliases, shares, specificity, evidence", "[import][matcher]") {
    TempDir d;
    d.write("cat/m.json", R"({"id": "m", "name": "测试链", "nodes": [
      {"id": "seg", "name": "设备", "keywords": ["半导体设备", "申万:半导体设备"], "exclude": ["光伏"], "exclude_industries": ["贸易Ⅲ"]},
      {"id": "etch", "name": "刻蚀设备", "parent": "seg", "keywords": ["刻蚀设备"]},
      {"id": "clean", "name": "清洗设备", "parent": "seg", "keywords": ["清洗设备"], "industries": ["半导体设备"]},
      {"id": "car", "name": "乘用车", "keywords": ["乘用车"], "industries": ["综合乘用车"]}]})");
    d.write("cat/o.json", R"({"id": "o", "name": "别名链", "nodes": [
      {"id": "car_alias", "name": "汽车", "same_as": "m/car", "keywords": ["汽车"]},
      {"id": "veh", "name": "整车", "keywords": ["整车"], "industries": ["乘用车", "商用车"]},
      {"id": "car_alias2", "name": "乘用车整车", "parent": "veh", "same_as": "m/car", "keywords": ["轿车"]}]})");
    const Dataset cat = load_chains_only("", LoadOptions{(d.path() / "cat").string()});
    Matcher mt(cat);

    SECTION("the most specific link wins; the weight is the largest matching share; evidence kept") {
        auto ms = mt.match(firm({"半导体设备"}, {{"半导体设备", 0.5}, {"等离子刻蚀设备", 0.3}, {"刻蚀设备", 0.2}}));
        REQUIRE(links(cat, ms) == std::vector<std::string>{"m/etch"});
        CHECK(ms[0].weight == Approx(0.3));
        CHECK(ms[0].evidence == "等离子刻蚀设备");
        CHECK(ms[0].rule == "term:刻蚀设备");
        CHECK(ms[0].basis == "product");
        CHECK(mt.stats().ancestor_dropped == 1);
    }
    SECTION("industry term alone: basis industry, weight industry_weight") {
        auto ms = mt.match(firm({"半导体设备", "270103"}, {{"销售专用设备", 0.8}}));
        REQUIRE(links(cat, ms) == std::vector<std::string>{"m/seg"});
        CHECK(ms[0].basis == "industry");
        CHECK(ms[0].rule == "industry:半导体设备");
        CHECK(ms[0].evidence == "申万 半导体设备");
        CHECK(ms[0].weight == Approx(MatcherParams{}.industry_weight));
    }
    SECTION("exclude and exclude_industries are inherited by sub-links") {
        CHECK(mt.match(firm({}, {{"光伏刻蚀设备", 0.9}})).empty());
        CHECK(mt.match(firm({"贸易Ⅲ"}, {{"刻蚀设备", 0.9}})).empty());
        CHECK(mt.stats().excluded_by_term == 1);
        CHECK(mt.stats().excluded_by_industry == 1);
    }
    SECTION("industries gate product terms") {
        CHECK(mt.match(firm({"其他专用设备"}, {{"精密清洗设备", 0.6}})).empty());
        CHECK(links(cat, mt.match(firm({"半导体设备"}, {{"清洗设备", 0.6}}))) == std::vector<std::string>{"m/clean"});
        CHECK(mt.stats().outside_industries == 1);
    }
    SECTION("an alias keyword obeys its canonical node's rules") {
        CHECK(mt.match(firm({"汽车经销商"}, {{"汽车", 0.6}})).empty());
        CHECK(links(cat, mt.match(firm({"综合乘用车"}, {{"汽车", 0.6}}))) == std::vector<std::string>{"m/car"});
    }
    SECTION("an alias with industries of its own must satisfy both lists") {
        // own list (乘用车, 商用车) allows a truck maker, the canonical node's (综合乘用车) does not
        CHECK(mt.match(firm({"商用载货车", "商用车"}, {{"轿车", 0.6}})).empty());
        // canonical allows, own list does not (the path lacks the L2 乘用车)
        CHECK(mt.match(firm({"综合乘用车"}, {{"轿车", 0.6}})).empty());
        CHECK(links(cat, mt.match(firm({"综合乘用车", "乘用车"}, {{"轿车", 0.6}}))) == std::vector<std::string>{"m/car"});
        CHECK(mt.stats().outside_industries == 2);
    }
    SECTION("share: ≤ 0 and business-scope traces never; below min_share only with industry confirmation") {
        CHECK(mt.match(firm({}, {{"刻蚀设备", 0.0}})).empty());
        CHECK(mt.match(firm({"综合乘用车"}, {{"乘用车", 0.01}})).empty());  // below scope_share even when confirmed
        CHECK(mt.match(firm({}, {{"刻蚀设备", 0.03}})).empty());
        CHECK(mt.stats().rows_nonpositive == 1);
        CHECK(mt.stats().rows_below_scope == 1);
        CHECK(mt.stats().low_share_unconfirmed == 1);
        CHECK(links(cat, mt.match(firm({"半导体设备"}, {{"清洗设备", 0.03}}))) == std::vector<std::string>{"m/clean"});
        // only the firm's own class confirms a low share; a listed sector above it only gates
        FirmEvidence sector = firm({"集成电路封测", "半导体设备"}, {{"清洗设备", 0.03}});
        sector.own_industries = 1;  // own class 集成电路封测; 半导体设备 stands for an ancestor here
        CHECK_FALSE(has(links(cat, mt.match(sector)), "m/clean"));
        sector.products[0].share = 0.3;
        CHECK(links(cat, mt.match(sector)) == std::vector<std::string>{"m/clean"});
        // shares above 1 count as 1
        CHECK(mt.match(firm({}, {{"刻蚀设备", 1.4}}))[0].weight == Approx(1.0));
    }
}

TEST_CASE("catalogue match fields: wrong types are errors naming file, line and field", "[import][matcher][catalogue]") {
    TempDir d;
    auto fails = [&](const std::string& node_extra, const std::string& field) {
        d.write("bad/x.json", "{\"id\": \"x\", \"name\": \"X\", \"nodes\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n  {\"id\": \"b\", \"name\": \"B\", " +
                                  node_extra + "}]}");
        try {
            load_chains_only("", LoadOptions{(d.path() / "bad").string()});
            FAIL("no error for " << node_extra);
        } catch (const InputError& e) {
            CHECK(e.line() == 3);
            CHECK(e.field() == field);
            CHECK(std::string(e.what()).find("x.json") != std::string::npos);
        }
    };
    fails("\"exclude\": \"光伏\"", "nodes[1].exclude");
    fails("\"industries\": [1]", "nodes[1].industries");
    fails("\"exclude_industries\": [\"\"]", "nodes[1].exclude_industries");
    fails("\"exclude\": {}", "nodes[1].exclude");
}

TEST_CASE("issue 9 error classes on the shipped catalogue", "[import][matcher][catalogue]") {
    const Dataset cat = load_chains_only("");
    Matcher mt(cat);
    auto L = [&](std::vector<std::string> ind, std::vector<std::pair<std::string, double>> p) { return links(cat, mt.match(firm(ind, p))); };

    // cmo inside CMOS: OmniVision is a CIS maker, not a pharma CMO
    auto omni = L({"数字芯片设计"}, {{"CMOS图像传感器", 0.72}});
    CHECK(has(omni, "semiconductor/cis"));
    CHECK_FALSE(has(omni, "pharma_innovation_platforms/cmo"));
    CHECK_FALSE(has(omni, "industrial_software/cam"));
    // pc inside FPC / PCB / EPC
    CHECK_FALSE(has(L({"被动元件"}, {{"FPC线路板", 0.19}}), "synthetic_materials/pc"));
    CHECK_FALSE(has(L({"印制电路板"}, {{"PCB样板", 0.83}}), "synthetic_materials/pc"));
    CHECK_FALSE(has(L({"能源及重型设备"}, {{"新能源EPC工程", 0.56}}), "synthetic_materials/pc"));
    // 汽车 inside 非汽车用发动机; parts makers and dealers are not vehicle makers
    CHECK_FALSE(has(L({"底盘与发动机系统"}, {{"非汽车用发动机", 0.10}}), "vehicles/passenger_car"));
    CHECK_FALSE(has(L({"汽车经销商"}, {{"汽车销售", 0.64}}), "vehicles/passenger_car"));
    CHECK_FALSE(has(L({"底盘与发动机系统"}, {{"乘用车手动变速器", 0.22}}), "vehicles/passenger_car"));
    CHECK(has(L({"综合乘用车", "乘用车", "汽车"}, {{"汽车制造业", 1.0}}), "vehicles/passenger_car"));
    CHECK(has(L({"电动乘用车"}, {{"汽车", 0.51}}), "vehicles/nev"));
    // 硅片: PV wafers are not IC wafers, and IC epitaxy is not a PV wafer
    auto longi = L({"硅料硅片"}, {{"单晶硅片", 0.58}});
    CHECK(has(longi, "photovoltaic/mono_wafer"));
    CHECK_FALSE(has(longi, "semiconductor/silicon_wafer"));
    auto epi = L({"半导体材料"}, {{"单晶硅片", 1.0}});
    CHECK(has(epi, "semiconductor/silicon_wafer"));
    CHECK_FALSE(has(epi, "photovoltaic/mono_wafer"));
    // LED epitaxy is not IC manufacturing or IC wafers
    auto led = L({"LED"}, {{"外延片销售", 0.58}});
    CHECK(has(led, "new_display/mini_micro_led_chip"));
    CHECK_FALSE(has(led, "semiconductor/silicon_wafer"));
    CHECK_FALSE(has(led, "semiconductor/manufacturing"));
    // BOE: coarse 显示器件 texts reach the panel links, not MEMS sensors
    auto boe = L({"面板"}, {{"显示器件业务", 0.91}, {"显示和传感器件业务", 0.90}});
    CHECK(has(boe, "new_display/lcd_panel"));
    CHECK(has(boe, "new_display/oled_panel"));
    CHECK_FALSE(has(boe, "sensors_instruments/mems_sensors"));
    // a film studio's 电信系统集成 is not ICV manufacturing integration
    CHECK_FALSE(has(L({"影视动漫制作"}, {{"电信系统集成", 0.47}}), "icv_core_parts/manufacturing_integration"));
    // equipment for a product is not the product
    CHECK_FALSE(has(L({"半导体设备"}, {{"锂离子电池设备", 0.3}}), "nev_core_parts/power_battery"));
    CHECK_FALSE(has(L({"其他专用设备"}, {{"半导体封测装备类", 0.18}}), "semiconductor/packaging_test"));
    CHECK_FALSE(has(L({"半导体设备"}, {{"集成电路制造设备", 0.44}}), "semiconductor/manufacturing"));
    // PV etch / PECVD tools are not semiconductor equipment
    auto pvtool = L({"光伏加工设备"}, {{"刻蚀设备", 0.2}, {"PECVD设备", 0.39}});
    CHECK_FALSE(has(pvtool, "semiconductor/etch_equipment"));
    CHECK_FALSE(has(pvtool, "semiconductor/thin_film_deposition_equipment"));
    CHECK(has(pvtool, "photovoltaic/pv_equipment"));
    // PV inverters and sewing-machine controls are not NEV motor controllers
    CHECK_FALSE(has(L({"其他能源设备Ⅲ"}, {{"太阳能逆变器", 0.5}}), "nev_core_parts/electric_control"));
    CHECK_FALSE(has(L({"纺织服装设备"}, {{"缝制设备电控系统", 0.96}}), "nev_core_parts/electric_control"));
    // veterinary vaccines are not human vaccines
    CHECK_FALSE(has(L({"动物保健Ⅲ"}, {{"禽用疫苗", 0.5}}), "biopharma/vaccine"));
    CHECK_FALSE(has(L({"其他生物制品"}, {{"兽用生物疫苗", 0.5}}), "biopharma/vaccine"));
    CHECK(has(L({"疫苗"}, {{"代理-非免疫规划疫苗", 0.87}}), "biopharma/vaccine"));
    // distributors and pharmacies are not makers
    CHECK_FALSE(has(L({"线下药店"}, {{"中成药", 0.4}}), "biopharma/proprietary_medicine"));
    // building steel is not a phone structural part
    CHECK_FALSE(has(L({"钢结构"}, {{"钢结构件", 0.77}}), "smart_terminal/structural_parts"));

    // the 53 other chains (industry paths as the importer gives them: L3, L2, L1)
    // an automotive die maker is not a phone/computer tooling maker; a phone casing maker's molds are
    CHECK_FALSE(has(L({"其他汽车零部件", "汽车零部件", "汽车"}, {{"模具", 0.73}}), "computer_phone_parts/tooling_molds"));
    CHECK(has(L({"消费电子零部件及组装", "消费电子", "电子"}, {{"商用模具", 0.11}}), "computer_phone_parts/tooling_molds"));
    {
        FirmEvidence f = firm({"消费电子零部件及组装", "消费电子", "电子"}, {{"模具", 0.03}});
        f.own_industries = 1;  // the sector gate 消费电子 admits it, nothing vouches for a 0.03 row
        CHECK_FALSE(has(links(cat, mt.match(f)), "computer_phone_parts/tooling_molds"));
    }
    // a bank's 零售业务 is retail banking, not retail trade; a department store's is
    CHECK_FALSE(has(L({"股份制银行Ⅲ", "股份制银行Ⅱ", "银行"}, {{"零售业务", 0.31}}), "consumer_services/retail"));
    CHECK(has(L({"百货", "一般零售", "商贸零售"}, {{"百货零售", 1.0}}), "consumer_services/retail"));
    // a bank-software vendor is not a bank
    CHECK_FALSE(has(L({"垂直应用软件", "软件开发", "计算机"}, {{"电子银行类", 0.70}}), "finance/regional_hq"));
    // a reverse-merged shell's old business: a gas utility's 化纤 row, a highway operator's 丁二醇
    CHECK_FALSE(has(L({"燃气Ⅲ", "燃气Ⅱ", "公用事业"}, {{"化纤", 1.0}}), "textiles/synthetic_fiber"));
    CHECK_FALSE(has(L({"高速公路", "铁路公路", "交通运输"}, {{"丁二醇系列", 0.21}}), "synthetic_materials/bdo"));
    // 电子元器件 of an LED-lighting distributor is not an advanced-ceramics component; a capacitor maker's is
    CHECK_FALSE(has(L({"LED", "光学光电子", "电子"}, {{"电子元器件", 0.65}}), "glass_ceramics/downstream"));
    CHECK(has(L({"被动元件", "元件", "电子"}, {{"电子元器件", 0.87}}), "glass_ceramics/downstream"));
    // metal laminates are not fibre composites; PE pipes are not packaging resin; precast-concrete lines are not PC
    CHECK_FALSE(has(L({"铝", "工业金属", "有色金属"}, {{"铝合金复合材料", 0.39}}), "fibers_composites/composites"));
    CHECK_FALSE(has(L({"管材", "装修建材", "建筑材料"}, {{"PE管材管件", 0.30}}), "cosmetics/packaging_resin"));
    CHECK_FALSE(has(L({"能源及重型设备", "专用设备", "机械设备"}, {{"PC生产线", 0.19}}), "synthetic_materials/pc"));
    // 乙烯 as the head of 聚苯乙烯 / 醋酸乙烯 is not ethylene
    CHECK_FALSE(has(L({"氯碱", "化学原料", "基础化工"}, {{"聚苯乙烯", 0.06}}), "synthetic_materials/mto"));
    // PCB chemicals, inks and equipment are inputs of PCBs, not PCBs
    CHECK_FALSE(has(L({"电子化学品Ⅲ", "电子化学品Ⅱ", "电子"}, {{"PCB化学品", 0.68}}), "electronic_components/pcb"));
    CHECK(has(L({"印制电路板", "元件", "电子"}, {{"PCB制造", 1.0}}), "electronic_components/pcb"));
    // a securities firm's 资产管理业务 is asset management, an estate agent's is not
    CHECK(has(L({"证券Ⅲ", "证券Ⅱ", "非银金融"}, {{"资产管理业务", 0.34}}), "finance/asset_management"));
    CHECK_FALSE(has(L({"房产租赁经纪", "房地产服务", "房地产"}, {{"资产管理", 0.15}}), "finance/asset_management"));
    // a component maker's 手机类 row names its customers; a phone brand's 手机 is the phone
    CHECK_FALSE(has(L({"消费电子零部件及组装", "消费电子", "电子"}, {{"手机类", 0.63}}), "computer_phone/smartphone"));
    CHECK(has(L({"品牌消费电子", "消费电子", "电子"}, {{"手机", 0.90}}), "computer_phone/smartphone"));
    // an NEV maker's 销售新能源车 reaches the NEV link
    CHECK(has(L({"商用载货车", "商用车", "汽车"}, {{"销售新能源车", 0.19}}), "vehicles/nev"));
}
