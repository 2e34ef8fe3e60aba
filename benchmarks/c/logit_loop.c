/*
 * The reference floor for Peninsula's engine speed (issue 6): the unavoidable work of one logit agent-month
 * and nothing else — 7 utilities of 8 features, 7 exponentials, one uniform draw, one categorical pick.
 * Agents keep a small state (8 features) that the choice feeds back into, so the compiler cannot hoist or
 * drop the work. Prints agent-months per second on one core.
 *
 *   cc -O3 -o logit_loop logit_loop.c -lm && ./logit_loop [agent_months]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHOICES 7
#define FEATURES 8
#define AGENTS 4096

static inline uint64_t splitmix64(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int main(int argc, char **argv) {
    long long total = argc > 1 ? atoll(argv[1]) : 200000000LL;
    static double beta[CHOICES][FEATURES];
    static double x[AGENTS][FEATURES];
    uint64_t seed = 12345;
    for (int k = 0; k < CHOICES; k++)
        for (int f = 0; f < FEATURES; f++) beta[k][f] = ((double)(splitmix64(&seed) >> 11) / 9007199254740992.0 - 0.5) * 0.5;
    for (int a = 0; a < AGENTS; a++)
        for (int f = 0; f < FEATURES; f++) x[a][f] = (double)(splitmix64(&seed) >> 11) / 9007199254740992.0;
    long long hist[CHOICES] = {0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long long done = 0;
    while (done < total) {
        for (int a = 0; a < AGENTS && done < total; a++, done++) {
            double w[CHOICES], sum = 0.0;
            for (int k = 0; k < CHOICES; k++) {
                double u = 0.0;
                for (int f = 0; f < FEATURES; f++) u += beta[k][f] * x[a][f];
                w[k] = exp(u);
                sum += w[k];
            }
            double r = (double)(splitmix64(&seed) >> 11) / 9007199254740992.0 * sum;
            int pick = CHOICES - 1;
            for (int k = 0; k < CHOICES - 1; k++) {
                r -= w[k];
                if (r < 0.0) { pick = k; break; }
            }
            hist[pick]++;
            x[a][pick % FEATURES] = 0.9 * x[a][pick % FEATURES] + 0.1; /* the choice feeds back into the state */
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
    long long check = 0;
    for (int k = 0; k < CHOICES; k++) check += hist[k] * (k + 1);
    printf("{\"agent_months\": %lld, \"seconds\": %.6f, \"agent_months_per_second\": %.0f, \"checksum\": %lld}\n", total, secs, total / secs, check);
    return 0;
}
