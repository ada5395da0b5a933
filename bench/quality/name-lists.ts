/**
 * Hand-made lists of common Colombian given names and surnames and of Colombian company-name
 * words, for the hard negatives: realistic people and companies that are not listed but share
 * surnames, given names or generic words with listed ones.
 *
 * @module
 */

/** Splits a listing on white space; `_` joins the words of one multi-word item. */
const words = (text: string): readonly string[] =>
  text
    .trim()
    .split(/\s+/)
    .map((item) => item.replace(/_/g, ' '));

/** Frequent Colombian male given names (Registraduría-style spellings, with accents). */
export const MALE_GIVEN = words(`
  José Juan Carlos Luis Jorge Andrés Javier Diego Alejandro Fernando Camilo Felipe Sebastián
  Santiago Mateo Nicolás Daniel David Miguel Ángel Óscar Fabio Hernán Germán Gustavo Álvaro
  Mauricio Ricardo Rodrigo Jaime Jairo Wilson Édgar Orlando Rubén Hugo Iván Julián Esteban Manuel
  Eduardo Francisco Antonio Alberto Arturo Enrique Héctor Humberto Gabriel Rafael Sergio Cristian
  Jhon Jonathan Yeison Brayan Édison Wílmar Harold Nelson Omar Alfonso Armando Gilberto Rigoberto
  Ramiro Gonzalo Libardo Aníbal Emilio Ernesto Gerardo Guillermo Leonardo Marco Pablo Víctor
  Samuel Tomás Emiliano Simón Martín Joaquín Agustín Elkin Fredy Albeiro Norberto Ovidio Reinaldo
`);

/** Frequent Colombian female given names. */
export const FEMALE_GIVEN = words(`
  María Ana Luz Carmen Rosa Martha Gloria Blanca Sandra Claudia Patricia Diana Paola Carolina
  Catalina Natalia Juliana Valentina Daniela Sofía Isabella Mariana Camila Laura Andrea Alejandra
  Ángela Adriana Liliana Marcela Mónica Yolanda Nelly Olga Beatriz Teresa Lucía Esperanza Amparo
  Consuelo Stella Elena Margarita Cecilia Inés Luisa Fernanda Lorena Johana Yuliana Leidy Yesenia
  Viviana Paula Tatiana Jimena Ximena Gabriela Manuela Salomé Antonia Emilia Victoria Rocío Pilar
  Piedad Fanny Nubia Dora Ligia Myriam Sonia Alba Aura Gladys Mercedes Socorro Jazmín Yaneth
`);

/** Frequent Colombian surnames. */
export const SURNAMES = words(`
  Rodríguez Gómez González Martínez García López Hernández Sánchez Ramírez Pérez Díaz Muñoz Rojas
  Moreno Jiménez Vargas Castro Gutiérrez Álvarez Romero Suárez Torres Ruiz Ortiz Restrepo Mejía
  Osorio Cárdenas Valencia Giraldo Quintero Ospina Zapata Cardona Arango Londoño Montoya Henao
  Castaño Salazar Rincón Parra Peña Herrera Medina Aguilar Ríos Mendoza Vélez Rivera Ramos Pineda
  Cruz Reyes Silva Guerrero Molina Acosta Navarro Cortés Duarte Bermúdez Castillo Rueda Beltrán
  Camacho Niño Forero Garzón Bohórquez Sarmiento Caicedo Mosquera Palacios Murillo Córdoba Orozco
  Bedoya Marín Escobar Uribe Echeverri Correa Posada Villegas Gallego Buitrago Agudelo Alzate
  Betancur Cano Carmona Franco Galeano Hoyos Jaramillo Lopera Mesa Naranjo Ocampo Patiño Quiroga
  Sierra Toro Urrego Vásquez Zuluaga Barrera Benítez Blanco Bustos Calderón Cifuentes Daza Espitia
  Figueroa Fonseca Guzmán Ibarra Lozano Luna Manrique Márquez Nieto Ochoa Pacheco Pardo Plata
  Prieto Rosero Saavedra Salcedo Tovar Trujillo Valbuena Velandia Villamizar Zambrano Ávila Arias
`);

/** Particles a Colombian name may carry. */
export const NAME_PARTICLES = words('de del de_la de_los y');

/** Generic words that start Colombian company names. */
export const COMPANY_GENERIC = words(`
  Inversiones Comercializadora Distribuidora Importadora Exportadora Constructora Inmobiliaria
  Transportes Servicios Agropecuaria Industrias Grupo Sociedad Promotora Operadora Suministros
  Representaciones Consultores Soluciones Agencia Productora Ganadería Hacienda Laboratorios
`);

/** Distinctive words of company names (nouns, places, saints, family-style names). */
export const COMPANY_DISTINCTIVE = words(`
  Esperanza Primavera Aurora Horizonte Amanecer Cordillera Andina Pacífico Caribe Llanos Sabana
  Montaña Río Cielo Sol Luna Estrella Palmar Bosque Jardín Roble Ceiba Guayacán Cafetal Orquídea
  Cóndor Colibrí Jaguar Tayrona Quimbaya Muisca Zenú Magdalena Cauca Atrato Guajira Boyacá Huila
  Tolima Santander Nariño Meta Casanare Antioquia Caldas Risaralda Quindío Bolívar Sucre Cesar
  Fortaleza Victoria Libertad Progreso Porvenir Futuro Armonía Confianza Unión Alianza Integral
  Dorado Esmeralda Diamante Rubí Zafiro Perla Cristal Platino Oro Plata Bronce Granito Mármol
  San_José Santa_María San_Rafael Santa_Bárbara San_Miguel Santa_Lucía San_Antonio Santa_Fe Belén
  Tres_Hermanos Los_Pinos El_Retiro La_Floresta El_Poblado La_Candelaria Buenavista Bellavista
  Altamira Monteverde Valparaíso Miraflores Villanueva Santa_Rosa La_Esmeralda El_Paraíso
`);

/** Legal forms of Colombian company names, as clerks write them. */
export const COMPANY_LEGAL = words(
  'S.A.S. SAS S.A. LTDA. Ltda E.U. S.A.S & S.EN_C. Y_CIA._LTDA. S.C.A.',
);
