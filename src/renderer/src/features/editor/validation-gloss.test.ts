import { describe, expect, it } from 'vitest';
import { validationGloss, validationGlosses } from './validation-gloss';

describe('Korean glosses of validation errors', () => {
  it.each([
    { name: 'Required value', message: 'The Service "headless1" is invalid: spec.ports[0].port: Required value', expected: ['필수 값이 없습니다.'] },
    { name: 'Invalid value', message: 'The Service "x" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', expected: ['값이 올바르지 않습니다.'] },
    { name: 'Unsupported value', message: 'The Service "x" is invalid: spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"', expected: ['지원하지 않는 값입니다. 허용되는 값 중 하나를 쓰세요.'] },
    { name: 'Duplicate value', message: 'The Service "x" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}', expected: ['같은 값이 중복되었습니다.'] },
    { name: 'Forbidden', message: 'The Service "x" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'', expected: ['허용되지 않는 설정입니다.'] },
    { name: 'Too long', message: 'The Service "x" is invalid: metadata.name: Too long: may not be more than 63 bytes', expected: ['값이 너무 깁니다.'] },
    { name: 'field is immutable', message: 'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set; spec.clusterIP: Invalid value: "None": field is immutable', expected: ['값이 올바르지 않습니다.', '만든 뒤에는 바꿀 수 없는 필드입니다. 지우고 다시 만들어야 합니다.'] },
    { name: 'not found', message: 'Error from server (NotFound): services "nope" not found', expected: ['해당 오브젝트를 찾을 수 없습니다.'] },
    { name: 'already exists', message: 'Error from server (AlreadyExists): error when creating "x.yaml": services "headless1" already exists', expected: ['같은 이름의 오브젝트가 이미 있습니다.'] },
    { name: 'a YAML syntax error', message: 'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context', expected: ['YAML 문법 오류입니다. 들여쓰기와 콜론(:)을 확인하세요.'] },
    { name: 'an unknown field (strict decoding)', message: 'Error from server (BadRequest): error when creating "x.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portz"', expected: ['알 수 없는 필드입니다. 철자와 들여쓰기 위치를 확인하세요.'] },
    { name: 'several types, each glossed once', message: 'The Service "x" is invalid: [spec.ports[0].port: Required value, spec.ports[1].port: Required value, spec.type: Unsupported value: "x"]', expected: ['필수 값이 없습니다.', '지원하지 않는 값입니다. 허용되는 값 중 하나를 쓰세요.'] },
    { name: 'a message of no known type', message: 'service/headless1 created', expected: [] },
  ])('$name', ({ message, expected }) => expect(validationGlosses(message, 'ko')).toEqual(expected));

  it('adds nothing in the English UI (the message is already English)', () => {
    expect(validationGloss('The Service "x" is invalid: spec.ports[0].port: Required value', 'en')).toBe('');
  });
});
