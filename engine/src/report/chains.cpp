#include "chaingap/report/chains.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>


namespace chaingap {
namespace {
std::string clusters_of(const Dataset& ds, const Chain& c) {
    std::string s;
    for (const Cluster& cl : ds.clusters) {
        bool in = false;
        for (const auto& id : cl.chains) in = in || id == c.id;
        for (const auto& key : cl.nodes) in = in || key.rfind(c.id + "/", 0) == 0;
        if (in) s += (s.empty() ? "" : ", ") + cl.name;
    }
    return s;
}

std::string dot_escape(const std::string& s) {
    std::string o;
    for (char ch : s) {
        if (ch == '"' || ch == '\\') o += '\\';
        o += ch;
    }
    return o;
}

void tree_lines(const Dataset& ds, NodeId n, const std::string& prefix, bool last, std::string& out) {
    const ChainNode& node = ds.nodes[n];
    out += prefix + (node.parent == kNone ? "" : (last ? "└─ " : "├─ ")) + node.name + " [" + node.id + "]";
    if (!node.name_en.empty()) out += " " + node.name_en;
    if (!node.stage.empty()) out += " (" + node.stage + ")";
    if (node.priority) out += " *";
    if (node.same_as != kNone) out += " = " + ds.node_key(node.same_as);
    out += "\n";
    auto kids = ds.node_children.row(n);
    std::string child_prefix = node.parent == kNone ? prefix : prefix + (last ? "   " : "│  ");
    for (std::size_t i = 0; i < kids.size(); ++i) tree_lines(ds, kids[i], child_prefix, i + 1 == kids.size(), out);
}
}  // namespace

namespace {
std::string chain_to_tree(const Dataset& ds, ChainId cid) {
    const Chain& c = ds.chains[cid];
    std::string out = c.name + " (" + c.id + ")";
    if (!c.name_en.empty()) out += " " + c.name_en;
    out += "\n" + std::to_string(c.node_count()) + " links, " + std::to_string(c.edges.size()) + " edges";
    if (!c.source.empty()) out += "; source: " + c.source;
    std::string cl = clusters_of(ds, c);
    if (!cl.empty()) out += "; clusters: " + cl;
    out += "\n\n";
    for (NodeId n = c.first_node; n < c.end_node; ++n)
        if (ds.nodes[n].parent == kNone) tree_lines(ds, n, "", true, out);
    out += "\nedges (upstream → downstream):\n";
    for (const ChainEdge& e : c.edges)
        out += "  " + ds.nodes[e.from].name + " → " + ds.nodes[e.to].name + "   [" + ds.nodes[e.from].id + " → " +
               ds.nodes[e.to].id + "]" + (e.source.empty() ? "" : "  (" + e.source + ")") + "\n";
    out += "\n* = 重点引进 priority link; = marks a link shared with another chain (same_as)\n";
    return out;
}

std::string chain_to_dot(const Dataset& ds, ChainId cid) {
    const Chain& c = ds.chains[cid];
    std::string out = "digraph \"" + dot_escape(c.id) + "\" {\n  rankdir=LR;\n  label=\"" + dot_escape(c.name) +
                      "\";\n  node [shape=box, fontname=\"Noto Sans CJK SC\"];\n";
    // Segments with sub-links become clusters.
    for (NodeId n = c.first_node; n < c.end_node; ++n) {
        const ChainNode& node = ds.nodes[n];
        auto kids = ds.node_children.row(n);
        if (node.parent != kNone) continue;
        if (kids.empty()) {
            out += "  \"" + dot_escape(node.id) + "\" [label=\"" + dot_escape(node.name) + "\"" +
                   (node.priority ? ", style=bold" : "") + "];\n";
            continue;
        }
        out += "  subgraph \"cluster_" + dot_escape(node.id) + "\" {\n    label=\"" + dot_escape(node.name) + "\";\n";
        out += "    \"" + dot_escape(node.id) + "\" [label=\"" + dot_escape(node.name) + "\", shape=folder];\n";
        std::vector<NodeId> stack(kids.begin(), kids.end());
        while (!stack.empty()) {
            NodeId k = stack.back();
            stack.pop_back();
            out += "    \"" + dot_escape(ds.nodes[k].id) + "\" [label=\"" + dot_escape(ds.nodes[k].name) + "\"" +
                   (ds.nodes[k].priority ? ", style=bold" : "") + "];\n";
            for (NodeId g : ds.node_children.row(k)) stack.push_back(g);
        }
        out += "  }\n";
    }
    for (const ChainEdge& e : c.edges)
        out += "  \"" + dot_escape(ds.nodes[e.from].id) + "\" -> \"" + dot_escape(ds.nodes[e.to].id) + "\";\n";
    return out + "}\n";
}

}  // namespace

std::string chain_to_json(const Dataset& ds, ChainId cid) {
    const Chain& c = ds.chains[cid];
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto str = [&](const char* k, const std::string& v) {
        w.Key(k);
        w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
    };
    // Unknown fields kept at load time are written back as they were.
    auto extras = [&](const std::string& json) {
        rapidjson::Document d;
        d.Parse(json.c_str());
        if (!d.IsObject()) return;
        for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
            w.Key(it->name.GetString(), it->name.GetStringLength());
            it->value.Accept(w);
        }
    };
    w.StartObject();
    str("id", c.id);
    str("name", c.name);
    if (!c.name_en.empty()) str("name_en", c.name_en);
    if (!c.source.empty()) str("source", c.source);
    extras(c.extra_json);
    w.Key("nodes");
    w.StartArray();
    for (NodeId n = c.first_node; n < c.end_node; ++n) {
        const ChainNode& node = ds.nodes[n];
        w.StartObject();
        str("id", node.id);
        str("name", node.name);
        if (!node.name_en.empty()) str("name_en", node.name_en);
        if (node.parent != kNone) str("parent", ds.nodes[node.parent].id);
        if (!node.stage.empty()) str("stage", node.stage);
        if (node.weight_given) {
            w.Key("weight");
            json_double(w, node.weight);
        }
        if (node.priority) {
            w.Key("priority");
            w.Bool(true);
        }
        if (!node.keywords.empty()) {
            w.Key("keywords");
            w.StartArray();
            for (const auto& k : node.keywords) w.String(k.c_str());
            w.EndArray();
        }
        if (!node.same_as_key.empty()) str("same_as", node.same_as_key);
        if (!node.source.empty()) str("source", node.source);
        extras(node.extra_json);
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (const ChainEdge& e : c.edges) {
        w.StartObject();
        str("from", ds.nodes[e.from].id);
        str("to", ds.nodes[e.to].id);
        if (e.weight != 1.0) {
            w.Key("weight");
            json_double(w, e.weight);
        }
        if (!e.source.empty()) str("source", e.source);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString()) + "\n";
}

namespace {
void write_listing_json(JsonWriter& w, const Dataset& ds) {
    w.StartObject();
    w.Key("chains");
    w.StartArray();
    for (const Chain& c : ds.chains) {
        w.StartObject();
        w.Key("id");
        w.String(c.id.c_str());
        w.Key("name");
        w.String(c.name.c_str());
        w.Key("name_en");
        w.String(c.name_en.c_str());
        w.Key("nodes");
        w.Int(c.node_count());
        w.Key("edges");
        w.Int(static_cast<int>(c.edges.size()));
        w.Key("source");
        w.String(c.source.c_str());
        w.Key("clusters");
        w.String(clusters_of(ds, c).c_str());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

Table listing_table(const Dataset& ds) {
    Table t;
    t.name = "产业链目录";
    t.columns = {{"id", "id", 24}, {"name", "name", 20}, {"links", "links", 8, true}, {"edges", "edges", 8, true},
                 {"clusters", "clusters", 30}, {"source", "source", 40}};
    for (const Chain& c : ds.chains)
        t.add({Cell::str(c.id), Cell::str(c.name), Cell::integer(c.node_count()),
               Cell::integer(static_cast<long long>(c.edges.size())), Cell::str(clusters_of(ds, c)),
               Cell::str(c.source)});
    return t;
}
}  // namespace

Report chains_listing_report(const Dataset& ds) {
    Report r;
    r.title = "产业链目录";
    r.json = [&ds](JsonWriter& w) { write_listing_json(w, ds); };
    r.tables = [&ds] { return std::vector<Table>{listing_table(ds)}; };
    r.text = [&ds] {
        return std::vector<Block>{Block::of(listing_table(ds)),
                                  Block::line(std::to_string(ds.chains.size()) +
                                              " chains. `chaingap chains show ID` prints one.\n")};
    };
    return r;
}

Report chain_report(const Dataset& ds, ChainId c) {
    Report r;
    r.title = ds.chains[c].name;
    r.text = [&ds, c] { return std::vector<Block>{Block::line(chain_to_tree(ds, c))}; };
    r.views["json"] = [&ds, c] { return chain_to_json(ds, c); };
    r.views["dot"] = [&ds, c] { return chain_to_dot(ds, c); };
    return r;
}

}  // namespace chaingap
