package io.github.cxkpi.time;

class FinalResolutionContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.FINAL_RESOLUTION;
  }
}
