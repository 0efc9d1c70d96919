// The read floor: read every file and parse it with yaml-cpp, nothing else.
// Built by bench/run.sh: c++ -O2 bench/yaml-floor.cpp -lyaml-cpp.
#include <yaml-cpp/yaml.h>

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

int main(int argc, char **argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) collect(argv[i], files);
  size_t nodes = 0;
  for (const std::string &f : files) {
    if (f.size() < 5 || f.compare(f.size() - 5, 5, ".yaml") != 0) continue;
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (const YAML::Node &doc : YAML::LoadAll(ss.str())) nodes += doc.size();
  }
  std::cout << files.size() << " files, " << nodes << " top-level nodes\n";
  return 0;
}
