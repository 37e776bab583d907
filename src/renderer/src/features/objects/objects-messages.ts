/** Objects view UI text (Korean first). kubectl's own output (headers, "No resources found") stays as kubectl prints it. */
import { defineMessages } from '../../i18n/i18n.svelte';

export const objectsMessages = defineMessages({
  ko: {
    title: '오브젝트',
    namespace: '네임스페이스',
    allNamespaces: '모든 네임스페이스 (-A)',
    wide: '넓게 보기 (-o wide)',
    loading: '오브젝트를 읽는 중…',
    yamlTitle: '{kind}/{name} — kubectl get -o yaml',
    closeYaml: 'YAML 닫기',
    pickRow: '행을 누르면 그 오브젝트를 토폴로지와 DNS 표에서 선택하고 YAML을 보여 줍니다.',
  },
  en: {
    title: 'Objects',
    namespace: 'Namespace',
    allNamespaces: 'All namespaces (-A)',
    wide: 'Wide (-o wide)',
    loading: 'Reading objects…',
    yamlTitle: '{kind}/{name} — kubectl get -o yaml',
    closeYaml: 'Close YAML',
    pickRow: 'Click a row to select the object in the topology and DNS table and to see its YAML.',
  },
});
