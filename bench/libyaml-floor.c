/* The floor: read every *.yaml file under the arguments and run libyaml's
 * event parser over its bytes, nothing else (no tree, no positions kept).
 * Built by bench/run.sh: cc -O2 bench/libyaml-floor.c -lyaml. */
#include <yaml.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t files, events, errors;

static int isYaml(const char *path) {
  size_t n = strlen(path);
  return (n > 5 && strcmp(path + n - 5, ".yaml") == 0) ||
         (n > 4 && strcmp(path + n - 4, ".yml") == 0);
}

static void parseFile(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
  size_t got = fread(buf, 1, (size_t)(size > 0 ? size : 0), f);
  fclose(f);
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, buf, got);
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ++errors;
      break;
    }
    ++events;
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done)
      break;
  }
  yaml_parser_delete(&parser);
  free(buf);
  ++files;
}

static void walk(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    return;
  if (!S_ISDIR(st.st_mode)) {
    if (isYaml(path))
      parseFile(path);
    return;
  }
  DIR *d = opendir(path);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *child = malloc(n);
    snprintf(child, n, "%s/%s", path, e->d_name);
    walk(child);
    free(child);
  }
  closedir(d);
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    walk(argv[i]);
  printf("%zu files, %zu events, %zu errors\n", files, events, errors);
  return errors != 0;
}
