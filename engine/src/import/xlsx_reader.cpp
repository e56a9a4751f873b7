// XLSX worksheet reading with minizip + Expat. Method and the choice of libraries:
// chaingap/import/xlsx_reader.hpp.
#include "chaingap/import/xlsx_reader.hpp"

#include <expat.h>
#include <unzip.h>

#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <type_traits>

#include "chaingap/core/error.hpp"

namespace chaingap {

namespace {

struct Zip {
    unzFile f = nullptr;
    explicit Zip(const std::string& path) : f(unzOpen64(path.c_str())) {}
    ~Zip() {
        if (f) unzClose(f);
    }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;
};

// The part `name` of the archive; nullopt-like (false) when absent.
bool read_part(const Zip& z, const std::string& path, const std::string& name, std::string& out) {
    if (unzLocateFile(z.f, name.c_str(), 0) != UNZ_OK) return false;
    if (unzOpenCurrentFile(z.f) != UNZ_OK)
        throw InputError(path, 0, "", "cannot open part " + name + " of the workbook");
    out.clear();
    char buf[65536];
    for (;;) {
        const int n = unzReadCurrentFile(z.f, buf, sizeof buf);
        if (n < 0) {
            unzCloseCurrentFile(z.f);
            throw InputError(path, 0, "", "part " + name + " of the workbook is damaged");
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    unzCloseCurrentFile(z.f);
    return true;
}

// SAX parsing with std::function callbacks (element names without namespace prefix).
struct Sax {
    std::function<void(const std::string&, const char**)> start;
    std::function<void(const std::string&)> end;
    std::function<void(const char*, int)> text;
};

std::string local(const char* name) {
    const char* c = std::strrchr(name, ':');
    return c ? c + 1 : name;
}
const char* attr(const char** a, const char* name) {
    for (; a && *a; a += 2)
        if (local(a[0]) == name) return a[1];
    return nullptr;
}

void parse_xml(const std::string& xml, Sax& sax, const std::string& path, const std::string& part) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> p(XML_ParserCreate("UTF-8"),
                                                                               XML_ParserFree);
    XML_SetUserData(p.get(), &sax);
    XML_SetElementHandler(
        p.get(),
        [](void* u, const XML_Char* n, const XML_Char** a) {
            auto* s = static_cast<Sax*>(u);
            if (s->start) s->start(local(n), a);
        },
        [](void* u, const XML_Char* n) {
            auto* s = static_cast<Sax*>(u);
            if (s->end) s->end(local(n));
        });
    XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* t, int len) {
        auto* s = static_cast<Sax*>(u);
        if (s->text) s->text(t, len);
    });
    if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
        throw InputError(path, 0, "",
                         "part " + part + " of the workbook is not well-formed XML (" +
                             XML_ErrorString(XML_GetErrorCode(p.get())) + ", line " +
                             std::to_string(XML_GetCurrentLineNumber(p.get())) + ")");
}

struct SheetRef {
    std::string name, part;
};

std::vector<SheetRef> sheets_of(const Zip& z, const std::string& path) {
    std::string wb, rels;
    if (!read_part(z, path, "xl/workbook.xml", wb))
        throw InputError(path, 0, "", "not an XLSX workbook (no xl/workbook.xml)");
    std::vector<std::pair<std::string, std::string>> named;  // name, r:id
    Sax s;
    s.start = [&](const std::string& n, const char** a) {
        if (n != "sheet") return;
        const char* name = attr(a, "name");
        const char* id = attr(a, "id");
        named.emplace_back(name ? name : "", id ? id : "");
    };
    parse_xml(wb, s, path, "xl/workbook.xml");
    std::map<std::string, std::string> target;
    if (read_part(z, path, "xl/_rels/workbook.xml.rels", rels)) {
        Sax r;
        r.start = [&](const std::string& n, const char** a) {
            if (n != "Relationship") return;
            const char* id = attr(a, "Id");
            const char* t = attr(a, "Target");
            if (id && t) target[id] = t;
        };
        parse_xml(rels, r, path, "xl/_rels/workbook.xml.rels");
    }
    std::vector<SheetRef> out;
    for (std::size_t i = 0; i < named.size(); ++i) {
        std::string part = target.count(named[i].second) ? target[named[i].second]
                                                         : "worksheets/sheet" + std::to_string(i + 1) + ".xml";
        if (!part.empty() && part[0] == '/')
            part = part.substr(1);
        else
            part = "xl/" + part;
        out.push_back({named[i].first, part});
    }
    return out;
}

// Column index (0-based) of a cell reference such as "AB12"; -1 when there is none.
long column_of(const char* ref) {
    if (!ref) return -1;
    long c = 0;
    bool any = false;
    for (; *ref >= 'A' && *ref <= 'Z'; ++ref) {
        c = c * 26 + (*ref - 'A' + 1);
        any = true;
    }
    return any ? c - 1 : -1;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::string& path) {
    Zip z(path);
    if (!z.f) throw InputError(path, 0, "", "cannot open as an XLSX workbook (not a zip archive, or unreadable)");
    std::vector<std::string> out;
    for (const SheetRef& s : sheets_of(z, path)) out.push_back(s.name);
    return out;
}

RegistryTable read_xlsx_sheet(const std::string& path, const std::string& sheet) {
    Zip z(path);
    if (!z.f) throw InputError(path, 0, "", "cannot open as an XLSX workbook (not a zip archive, or unreadable)");
    const std::vector<SheetRef> sheets = sheets_of(z, path);
    if (sheets.empty()) throw InputError(path, 0, "", "the workbook has no sheet");
    const SheetRef* chosen = sheet.empty() ? &sheets[0] : nullptr;
    std::string names;
    for (const SheetRef& s : sheets) {
        names += (names.empty() ? "" : ", ") + s.name;
        if (!chosen && s.name == sheet) chosen = &s;
    }
    if (!chosen) throw InputError(path, 0, "", "no sheet named '" + sheet + "' (sheets: " + names + ")");

    std::vector<std::string> shared;
    std::string xml;
    if (read_part(z, path, "xl/sharedStrings.xml", xml)) {
        Sax s;
        std::string cur;
        bool in_t = false, in_rph = false;
        s.start = [&](const std::string& n, const char**) {
            if (n == "si")
                cur.clear();
            else if (n == "rPh")
                in_rph = true;
            else if (n == "t" && !in_rph)
                in_t = true;
        };
        s.end = [&](const std::string& n) {
            if (n == "si")
                shared.push_back(cur);
            else if (n == "rPh")
                in_rph = false;
            else if (n == "t")
                in_t = false;
        };
        s.text = [&](const char* t, int len) {
            if (in_t) cur.append(t, static_cast<std::size_t>(len));
        };
        parse_xml(xml, s, path, "xl/sharedStrings.xml");
    }
    if (!read_part(z, path, chosen->part, xml))
        throw InputError(path, 0, "", "sheet '" + chosen->name + "' has no part " + chosen->part);

    RegistryTable t;
    t.file = path;
    t.encoding = "XLSX";
    t.sheet = chosen->name;
    std::vector<std::string> row;
    std::size_t row_no = 0;
    long col = -1;
    std::string type, value;
    bool in_v = false, in_is_t = false, in_rph = false;
    Sax s;
    s.start = [&](const std::string& n, const char** a) {
        if (n == "row") {
            row.clear();
            const char* r = attr(a, "r");
            row_no = r ? std::strtoul(r, nullptr, 10) : row_no + 1;
            col = -1;
        } else if (n == "c") {
            const long c = column_of(attr(a, "r"));
            col = c >= 0 ? c : col + 1;
            const char* ty = attr(a, "t");
            type = ty ? ty : "n";
            value.clear();
        } else if (n == "v") {
            in_v = true;
        } else if (n == "rPh") {
            in_rph = true;
        } else if (n == "t" && !in_rph) {
            in_is_t = true;
        }
    };
    s.end = [&](const std::string& n) {
        if (n == "v")
            in_v = false;
        else if (n == "t")
            in_is_t = false;
        else if (n == "rPh")
            in_rph = false;
        else if (n == "c") {
            std::string cell = value;
            if (type == "s") {
                char* end = nullptr;
                const unsigned long k = std::strtoul(value.c_str(), &end, 10);
                if (value.empty() || *end || k >= shared.size())
                    throw InputError(path, row_no, "",
                                     "sheet '" + chosen->name + "': shared string index '" + value + "' out of range");
                cell = shared[k];
            } else if (type == "b") {
                cell = value == "1" ? "TRUE" : "FALSE";
            }
            if (col >= 0) {
                if (row.size() <= static_cast<std::size_t>(col)) row.resize(static_cast<std::size_t>(col) + 1);
                row[static_cast<std::size_t>(col)] = std::move(cell);
            }
        } else if (n == "row") {
            bool any = false;
            for (const std::string& c : row) any = any || !c.empty();
            if (any) {
                t.rows.push_back(row);
                t.row_number.push_back(row_no);
            }
        }
    };
    s.text = [&](const char* x, int len) {
        if (in_v || in_is_t) value.append(x, static_cast<std::size_t>(len));
    };
    parse_xml(xml, s, path, chosen->part);
    return t;
}

}  // namespace chaingap
