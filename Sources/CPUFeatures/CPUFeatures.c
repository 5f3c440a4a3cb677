#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

// The OS must save the wide registers on a context switch (XCR0), not only the CPU have them.
static unsigned long long xcr0(void) {
    unsigned int lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long)hi << 32) | lo;
}

int nnl_cpu_level(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int fma = (c >> 12) & 1, osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
    if (!(fma && osxsave && avx)) return 0;
    unsigned long long xcr = xcr0();
    if ((xcr & 0x6) != 0x6) return 0;  // SSE and AVX state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int avx2 = (b >> 5) & 1;
    if (!avx2) return 0;
    int avx512 = ((b >> 16) & 1) && ((b >> 17) & 1) && ((b >> 30) & 1) && ((b >> 31) & 1);  // F, DQ, BW, VL
    int zmmState = (xcr & 0xE0) == 0xE0;  // opmask and both halves of the zmm registers
    return avx512 && zmmState ? 2 : 1;
}
#else
int nnl_cpu_level(void) { return 0; }
#endif
