#ifndef NNL_CPU_FEATURES_H
#define NNL_CPU_FEATURES_H

/// The highest kernel level this CPU and its OS support: 0 baseline, 1 AVX2+FMA,
/// 2 AVX-512 F/DQ/VL/BW. Always 0 off x86-64.
int nnl_cpu_level(void);

#endif
