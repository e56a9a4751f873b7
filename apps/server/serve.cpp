// `chaingap serve`: a third thin front end over the request layer (engine api/), like apps/cli and
// bindings/python. Query string or JSON body → api::Options (by the command's declared options) →
// api::command(name).run over the one dataset loaded at start → the report rendered as `json` (or
// `xlsx` for downloads): the bodies are exactly what the CLI prints with --format json, and errors
// carry the CLI's message text. No parsing rule, default or computation lives here.
//
// HTTP: cpp-httplib (Debian libcpp-httplib-dev): a thread pool of workers over one immutable
// shared_ptr<const Dataset>, request body, URI, read/write and keep-alive limits, static files only
// from the built web app folder (static_file), 127.0.0.1 by default.
#include "serve.hpp"

// The engine's headers before httplib.h: it brings in <resolv.h>, whose `_res` macro breaks Eigen's
// parameter names.
#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/json_input.hpp"

#include <httplib.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/stat.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <thread>

#ifndef CHAINGAP_WEB_DIR
#define CHAINGAP_WEB_DIR ""
#endif

namespace chaingap::server {
namespace fs = std::filesystem;

namespace {
// Limits (one place): request body, worker threads, socket timeouts.
constexpr std::size_t kMaxBody = 1 << 20;          // 1 MiB: a what-if list of thousands of ids
constexpr int kReadTimeoutSeconds = 10;           // a client that stops sending is dropped
constexpr int kWriteTimeoutSeconds = 30;          // a client that stops reading is dropped
constexpr int kKeepAliveSeconds = 2;   // a worker serves one connection at a time: idle ones go soon
constexpr int kThreadsPerCore = 4;      // workers mostly wait on keep-alive sockets (a browser opens ~6)
constexpr int kMaxThreads = 64;

// Options the server decides itself: the dataset is fixed at start, the format by the endpoint, and
// nothing reads or writes a file named by a request.
const std::vector<std::string>& withheld() {
    static const std::vector<std::string> w = {"data", "catalogue", "format", "out", "bom", "weights"};
    return w;
}

struct Reply {
    int status = 200;
    std::string body;
    std::string type = "application/json; charset=utf-8";
    std::string filename;  // Content-Disposition attachment name, when a download
};

std::string error_body(const std::string& message) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("error");
    w.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

Reply error(int status, const std::string& message) { return {status, error_body(message), "application/json; charset=utf-8", ""}; }

// An endpoint: method, path (a trailing "{}" takes one path segment), the command it runs, the
// positional arguments before the segment, the format it renders.
struct Endpoint {
    const char* method;
    const char* path;
    const char* command;
    std::vector<std::string> positional;
    const char* format = "json";
    bool body = false;  // options from a JSON object body instead of the query string
};

const std::vector<Endpoint>& endpoints() {
    static const std::vector<Endpoint> e = {
        {"GET", "/api/chains", "chains", {}},
        {"GET", "/api/chains/{}", "chains", {"show"}},
        {"GET", "/api/gaps", "gaps", {}},
        {"GET", "/api/targets", "targets", {}},
        {"GET", "/api/targets.xlsx", "targets", {}, "xlsx"},
        {"POST", "/api/whatif", "whatif", {}, "json", true},
        {"GET", "/api/regions", "regions", {}},
        {"GET", "/api/presence", "presence", {}},
        {"GET", "/api/firms/{}", "firm", {}},
        {"GET", "/api/compare", "compare", {}},
        {"GET", "/api/leaderboard", "leaderboard", {}},
        {"GET", "/api/opportunities", "opportunities", {}},
    };
    return e;
}

// Adds one request value under the command's option names: `from_regions` may be written for
// `from-regions`; a name the command does not declare is a `param` NAME=VALUE assignment when the
// command takes those (ranking weights as query keys), else left for validate() to refuse.
void add_option(api::Options& o, const api::Command& cmd, const std::string& key, const std::string& value) {
    std::string name = key;
    auto declared = [&](const std::string& n) {
        return std::any_of(cmd.options.begin(), cmd.options.end(), [&](const api::OptionSpec& s) { return s.name == n; });
    };
    if (!declared(name)) {
        std::string dashed = key;
        std::replace(dashed.begin(), dashed.end(), '_', '-');
        if (declared(dashed)) name = dashed;
    }
    if (std::find(withheld().begin(), withheld().end(), name) != withheld().end() && declared(name))
        throw UsageError("option --" + name + " is not accepted over HTTP (the server's dataset and formats are fixed)");
    if (!declared(name) && declared("param")) {
        o.add("param", key + "=" + value);
        return;
    }
    o.add(name, value);
}

void options_from_body(api::Options& o, const api::Command& cmd, const std::string& body) {
    // Read like every JSON input (core/json_input.hpp): iterative with bounded depth (a body nested
    // 200k deep overflowed the stack of RapidJSON's recursive parser and took the server down),
    // UTF-8 only, no duplicate keys, nothing after the document.
    JsonInput in;
    try {
        parse_json_input(body, "request body", in);
    } catch (const InputError& e) {
        std::string m = e.what();
        const std::string prefix = e.file() + ":" + std::to_string(e.line()) + ": ";
        if (m.rfind(prefix, 0) == 0) m = m.substr(prefix.size());
        if (m.rfind("malformed JSON: ", 0) == 0) m = m.substr(16);
        throw UsageError("malformed JSON body: " + m + " (line " + std::to_string(e.line()) + ")");
    }
    const rapidjson::Document& d = in.doc;
    if (!d.IsObject()) throw UsageError("malformed JSON body: expected an object of options");
    auto scalar = [](const rapidjson::Value& v, const std::string& key) -> std::optional<std::string> {
        if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
        if (v.IsBool()) return v.GetBool() ? std::optional<std::string>("1") : std::nullopt;
        if (v.IsNull()) return std::nullopt;
        if (v.IsNumber()) {
            rapidjson::StringBuffer b;
            rapidjson::Writer<rapidjson::StringBuffer> w(b);
            v.Accept(w);
            return std::string(b.GetString(), b.GetSize());
        }
        throw UsageError("malformed JSON body: field '" + key + "' must be a string, number, boolean or a list of them");
    };
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        if (it->value.IsArray()) {
            for (const auto& item : it->value.GetArray())
                if (auto s = scalar(item, key)) add_option(o, cmd, key, *s);
        } else if (auto s = scalar(it->value, key)) {
            add_option(o, cmd, key, *s);
        }
    }
}

class Server {
public:
    Server(std::shared_ptr<const Dataset> ds, fs::path web) : ds_(std::move(ds)), web_(std::move(web)) {}

    Reply handle(const httplib::Request& req) const {
        try {
            if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") return api(req);
            return file(req);
        } catch (const NotFoundError& e) {
            return error(404, e.what());
        } catch (const UsageError& e) {
            return error(400, e.what());
        } catch (const InputError& e) {
            return error(400, e.what());
        } catch (const ConvergenceError& e) {
            return error(400, e.what());
        } catch (const std::exception& e) {
            return error(500, std::string("internal error: ") + e.what());
        }
    }

private:
    Reply api(const httplib::Request& req) const {
        const Endpoint* match = nullptr;
        std::string segment;
        bool path_known = false;
        for (const Endpoint& e : endpoints()) {
            std::string p = e.path, seg;
            bool ok = false;
            if (p.size() > 2 && p.compare(p.size() - 2, 2, "{}") == 0) {
                const std::string prefix = p.substr(0, p.size() - 2);
                if (req.path.rfind(prefix, 0) == 0) {
                    seg = req.path.substr(prefix.size());
                    ok = !seg.empty() && seg.find('/') == std::string::npos;
                }
            } else {
                ok = req.path == p;
            }
            if (!ok) continue;
            path_known = true;
            if (req.method == e.method || (req.method == "HEAD" && std::string(e.method) == "GET")) {
                match = &e;
                segment = seg;
                break;
            }
        }
        if (!match) {
            if (path_known) return error(405, "method " + req.method + " not allowed on " + req.path);
            return error(404, "no such endpoint " + req.path + " (docs/webapp.md lists them)");
        }
        const api::Command& cmd = api::command(match->command);
        api::Options o;
        for (const auto& p : match->positional) o.add_positional(p);
        if (!segment.empty()) o.add_positional(segment);
        if (match->body)
            options_from_body(o, cmd, req.body);
        else
            for (const auto& [k, v] : req.params) add_option(o, cmd, k, v);
        // The endpoint fixes the format (a request may shape its report by it, e.g. the targets
        // workbook always has the local-firms sheet); clients cannot set it (add_option refuses).
        if (std::string(match->format) != "json") o.add("format", match->format);
        o.validate(cmd.options);
        const api::Response r = cmd.run(o, [this] { return ds_; });
        Reply out;
        out.body = render(r.report, match->format);
        if (std::string(match->format) == "xlsx") {
            out.type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            std::string name = cmd.name;
            if (auto region = o.get("region")) {
                std::string safe;
                for (char c : *region)
                    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') safe += c;
                if (!safe.empty()) name += "-" + safe;
            }
            out.filename = name + ".xlsx";
        }
        return out;
    }

    Reply file(const httplib::Request& req) const {
        if (req.method != "GET" && req.method != "HEAD") return error(405, "method " + req.method + " not allowed on " + req.path);
        if (web_.empty()) return error(404, "the web app is not built (build with CHAINGAP_BUILD_WEB or give --web DIR)");
        const auto f = static_file(web_, req.path);
        if (!f) return error(404, "not found: " + req.path);
        std::string body;
        if (!read_whole(*f, body)) return error(404, "not found: " + req.path);
        return {200, std::move(body), mime(f->extension().string()), ""};
    }

    static bool read_whole(const fs::path& p, std::string& out) {
        std::FILE* fp = std::fopen(p.c_str(), "rb");
        if (!fp) return false;
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out.append(buf, n);
        std::fclose(fp);
        return true;
    }

    static std::string mime(const std::string& ext) {
        static const std::vector<std::pair<std::string, std::string>> types = {
            {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
            {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
            {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
            {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"}, {".woff2", "font/woff2"},
            {".map", "application/json; charset=utf-8"}};
        for (const auto& [e, t] : types)
            if (e == ext) return t;
        return "application/octet-stream";
    }

    std::shared_ptr<const Dataset> ds_;
    fs::path web_;
};

fs::path web_root(const api::Options& o) {
    const std::string dir = o.get("web").value_or(CHAINGAP_WEB_DIR);
    std::error_code ec;
    fs::path root = dir.empty() ? fs::path() : fs::canonical(dir, ec);
    if (dir.empty() || ec || !fs::is_regular_file(root / "index.html")) {
        if (o.has("web")) throw UsageError("--web " + dir + ": no index.html there (build the app: docs/webapp.md)");
        std::cerr << "chaingap serve: warning: the web app is not built at '" << dir
                  << "' (configure with -DCHAINGAP_BUILD_WEB=ON, or give --web DIR); serving the API only\n";
        return {};
    }
    return root;
}
}  // namespace

std::optional<fs::path> static_file(const fs::path& root, const std::string& url_path) {
    if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) return std::nullopt;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= url_path.size()) {
        std::size_t end = url_path.find('/', start);
        if (end == std::string::npos) end = url_path.size();
        std::string seg = url_path.substr(start, end - start);
        if (!seg.empty()) {
            if (seg[0] == '.') return std::nullopt;  // ".", "..", hidden files
            parts.push_back(seg);
        }
        start = end + 1;
    }
    fs::path p = root;
    struct stat st {};
    for (const std::string& seg : parts) {
        p /= seg;
        if (::lstat(p.c_str(), &st) != 0 || S_ISLNK(st.st_mode)) return std::nullopt;
    }
    if (parts.empty() || S_ISDIR(st.st_mode)) {
        p /= "index.html";
        if (::lstat(p.c_str(), &st) != 0) return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) return std::nullopt;
    return p;
}

const std::vector<api::OptionSpec>& serve_options() {
    static const std::vector<api::OptionSpec> o = [] {
        std::vector<api::OptionSpec> s = api::DataRequest::options();
        s.push_back({"host", api::OptionKind::text, "HOST", "address to listen on (default 127.0.0.1: this machine only)"});
        s.push_back({"port", api::OptionKind::count, "PORT", "TCP port (default 8080; 0: any free port, printed)"});
        s.push_back({"web", api::OptionKind::text, "DIR", "the built web app to serve (default: the build's web/)"});
        s.push_back({"threads", api::OptionKind::count, "N", "worker threads (default: 4 per core, at least 8; each serves one connection at a time)"});
        return s;
    }();
    return o;
}

std::string serve_usage() {
    return "usage: chaingap serve --data DIR [--host 127.0.0.1] [--port 8080] [--web DIR] [--threads N]\n\n"
           "Loads the dataset once and serves the web app (产业链图谱, 招商地图, 目标企业库, what-if) and its JSON\n"
           "API: /api/chains, /api/chains/{id}, /api/gaps, /api/targets, /api/targets.xlsx, POST /api/whatif,\n"
           "/api/regions, /api/presence, /api/firms/{id}, /api/compare, /api/leaderboard, /api/opportunities. Each body is what the CLI prints with --format json;\n"
           "query keys are the command's options (docs/webapp.md). Stops on Ctrl-C.\n\n" +
           api::options_help(serve_options());
}

int serve(const api::Options& o) {
    const std::string host = o.get("host").value_or("127.0.0.1");
    const long long port = o.count("port").value_or(8080);
    if (port > 65535) throw UsageError("--port must be at most 65535, got " + std::to_string(port));
    const unsigned hw = std::max(8u, kThreadsPerCore * std::thread::hardware_concurrency());
    const int threads = static_cast<int>(std::clamp<long long>(o.count("threads", 1).value_or(hw), 1, kMaxThreads));
    const fs::path web = web_root(o);
    const auto data = api::DataRequest::parse(o);
    std::shared_ptr<const Dataset> ds = api::open_dataset(data);
    const Server app(ds, web);

    httplib::Server http;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http.set_payload_max_length(kMaxBody);
    http.set_read_timeout(kReadTimeoutSeconds, 0);
    http.set_write_timeout(kWriteTimeoutSeconds, 0);
    http.set_keep_alive_timeout(kKeepAliveSeconds);
    auto handler = [&app](const httplib::Request& req, httplib::Response& res) {
        Reply r = app.handle(req);
        res.status = r.status;
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Content-Type-Options", "nosniff");
        if (!r.filename.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
        res.set_content(std::move(r.body), r.type.c_str());
    };
    for (const char* m : {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        const std::string method = m;
        if (method == "GET") http.Get(".*", handler);
        if (method == "POST") http.Post(".*", handler);
        if (method == "PUT") http.Put(".*", handler);
        if (method == "DELETE") http.Delete(".*", handler);
        if (method == "PATCH") http.Patch(".*", handler);
        if (method == "OPTIONS") http.Options(".*", handler);
    }
    // Errors httplib answers itself (413 oversized body, 400 malformed request, ...) get a JSON body too.
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        std::string msg = "HTTP status " + std::to_string(res.status);
        if (res.status == 413) msg = "request body too large (limit " + std::to_string(kMaxBody >> 20) + " MiB)";
        if (res.status == 414) msg = "request URI too long";
        if (res.status == 400) msg = "malformed HTTP request";
        res.set_content(error_body(msg), "application/json; charset=utf-8");
    });

    int bound = static_cast<int>(port);
    if (port == 0) {
        bound = http.bind_to_any_port(host);
        if (bound < 0) throw UsageError("cannot listen on " + host);
    } else if (!http.bind_to_port(host, bound)) {
        throw UsageError("cannot listen on " + host + ":" + std::to_string(bound) + " (in use, or not an address here)");
    }
    if (host != "127.0.0.1" && host != "localhost" && host != "::1")
        std::cerr << "chaingap serve: warning: listening on " << host
                  << ": anyone who can reach this address can read the dataset\n";

    // Ctrl-C / SIGTERM: a thread waits for the signal and stops the server (no work in a handler).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread stopper([&http, set] {
        int sig = 0;
        sigwait(&set, &sig);
        http.stop();
    });
    stopper.detach();

    const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    std::cout << "chaingap serve: http://" << shown << ":" << bound << "/  (data " << data.data << ", "
              << ds->enterprises.size() << " enterprises, " << threads << " threads"
              << (web.empty() ? ", API only" : ", app " + web.string()) << ")" << std::endl;
    http.listen_after_bind();
    return 0;
}

}  // namespace chaingap::server
