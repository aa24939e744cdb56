/**
 * Tests of {@code dev.opgrad.nn}. They live here rather than in core because they need the ops
 * behind {@code Value}'s methods: core cannot depend on opgrad-ops-builtin, not even for its tests
 * (Maven rejects the cycle), and core's own tests run without any op on purpose.
 */
package dev.opgrad.nn;
