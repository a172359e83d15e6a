// Entry of the kernel module. Every export works on byte addresses into this module's memory;
// the host (loader.ts) owns allocation above heapBase().
export { gemmPanel } from './gemm-panel'
export { gemmNT } from './gemm-nt'
export { lstmCellForward, lstmCellBackward } from './lstm-cell'
export { rnnCellForward, rnnCellBackward } from './rnn-cell'
export { gruCellForward, gruCellBackward } from './gru-cell'
export { addInto, mulInto, fillRows, addColumnSums, transpose, heapBase } from './vector-ops'
