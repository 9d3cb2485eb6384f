package io.github.cxkpi.time;

class HandleContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.HANDLE;
  }
}
