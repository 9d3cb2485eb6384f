package io.github.cxkpi.time;

class FirstResolutionContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.FIRST_RESOLUTION;
  }
}
