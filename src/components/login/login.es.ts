import type { LoginMessages } from './login.i18n.js';

const es: LoginMessages = {
  google: 'Iniciar sesión con Google',
  facebook: 'Continuar con Facebook',
  apple: 'Iniciar sesión con Apple',
  demo: 'Continuar con Vitrine Demo',
  group: 'Iniciar sesión',
  pending: 'Iniciando sesión…',
  hello: name => (name ? `Hola, ${name}` : 'Sesión iniciada'),
  signOut: 'Cerrar sesión',
  retry: 'Reintentar',
  popup_closed: 'La ventana de inicio de sesión se cerró antes de terminar.',
  access_denied: 'Se ha rechazado el inicio de sesión. Puedes volver a intentarlo cuando quieras.',
  network: 'No hemos podido conectar. Comprueba tu conexión a internet e inténtalo de nuevo.',
  provider_unavailable: 'Esta opción de inicio de sesión no está disponible en este momento.',
  failed: 'No se ha completado el inicio de sesión. Inténtalo de nuevo en un momento.',
};
export default es;
