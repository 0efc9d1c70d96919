// yaml-cpp's own floor: read every *.yaml file under the arguments and parse
// it with yaml-cpp, nothing else. Two ways, to compare them:
//   yaml-floor PATH...           YAML::LoadAll: the node tree (what the
//                                frontend does today)
//   yaml-floor --events PATH...  YAML::Parser + an EventHandler that counts
//                                events and keeps nothing: no tree
// Built by bench/run.sh: c++ -O2 bench/yaml-floor.cpp -lyaml-cpp.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <dirent.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

static void collect(const std::string &path, std::vector<std::string> &out) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return;
  if (!S_ISDIR(st.st_mode)) {
    out.push_back(path);
    return;
  }
  DIR *d = opendir(path.c_str());
  if (!d) return;
  while (dirent *e = readdir(d)) {
    std::string n = e->d_name;
    if (n == "." || n == "..") continue;
    collect(path + "/" + n, out);
  }
  closedir(d);
}

/// Counts events; what the frontend would build on instead of a tree.
class Counter : public YAML::EventHandler {
public:
  size_t events = 0;
  void OnDocumentStart(const YAML::Mark &) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark &, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark &, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                const std::string &) override { ++events; }
  void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override { ++events; }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override { ++events; }
  void OnMapEnd() override { ++events; }
};

int main(int argc, char **argv) {
  bool events = argc > 1 && std::strcmp(argv[1], "--events") == 0;
  std::vector<std::string> files;
  for (int i = events ? 2 : 1; i < argc; ++i) collect(argv[i], files);
  size_t count = 0;
  for (const std::string &f : files) {
    if (f.size() < 5 || f.compare(f.size() - 5, 5, ".yaml") != 0) continue;
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    try {
      if (events) {
        std::istringstream text(ss.str());
        YAML::Parser parser(text);
        Counter counter;
        while (parser.HandleNextDocument(counter)) {
        }
        count += counter.events;
      } else {
        for (const YAML::Node &doc : YAML::LoadAll(ss.str())) count += doc.size();
      }
    } catch (const YAML::Exception &e) {
      std::cerr << f << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cout << files.size() << " files, " << count << (events ? " events\n" : " top-level nodes\n");
  return 0;
}
