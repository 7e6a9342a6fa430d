export { compileDesign, type CompiledDesign } from './compileDesign';
export { compileGraph, type CompileOptions } from './compileGraph';
export { DesignErrorsError, GraphCompileError } from './errors';
export { layerIdOf, tfjsLayerName } from './layerNames';
export { ScaledResidual } from './scaledResidual';
