#include <cstdio>

int main() {
  std::puts("bounceguard: under construction");
  return 0;
}
